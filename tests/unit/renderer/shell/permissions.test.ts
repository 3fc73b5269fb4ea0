// The role rules the UI applies (main enforces the same): a reviewer changes nothing, an operator
// writes records but manages neither users nor keys, an administrator does everything.
import { describe, expect, it } from 'vitest';
import {
  canChangeSettings,
  canDecideEditRequests,
  canManageKeys,
  canManageUsers,
  canWriteRecords,
  isReadOnly,
} from '../../../../renderer/src/shell/permissions';

describe('permissions', () => {
  it('gives each role what it may do', () => {
    const table = (['administrator', 'operator', 'reviewer'] as const).map((role) => [
      role,
      isReadOnly(role),
      canWriteRecords(role),
      canManageUsers(role),
      canManageKeys(role),
      canChangeSettings(role),
      canDecideEditRequests(role),
    ]);
    expect(table).toEqual([
      ['administrator', false, true, true, true, true, true],
      ['operator', false, true, false, false, false, false],
      ['reviewer', true, false, false, false, false, false],
    ]);
  });
});
