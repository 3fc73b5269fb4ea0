// The role rules the UI applies, and the proof that they are the core's: a reviewer changes
// nothing, an operator writes records but manages neither users nor keys nor corrections, an
// administrator does everything (deciding only others' corrections). Each renderer rule is
// compared with the role list the core enforces, so a label can never promise what main refuses.
import { describe, expect, it } from 'vitest';
import { ADMINISTRATORS, EDIT_DECIDERS, WRITERS } from '../../../../electron/core/issuance/actor';
import { AUDIT_LOG_READERS } from '../../../../electron/core/audit-log/audit-log-service';
import { STATISTICS_READERS } from '../../../../electron/core/reports/statistics-service';
import { AUDIT_PACKAGE_EXPORTERS } from '../../../../electron/core/audit-package/export-audit-package';
import { userRoles } from '../../../../shared/records/user-inputs';
import {
  canChangeSettings,
  canDecideEditRequests,
  canExportAuditPackage,
  canManageKeys,
  canManageUsers,
  canReadAuditLog,
  canSeeStatistics,
  canWriteRecords,
  isReadOnly,
  mayDecideEditRequest,
  roleCapabilities,
  roleExplanations,
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
      canReadAuditLog(role),
    ]);
    expect(table).toEqual([
      ['administrator', false, true, true, true, true, true, true],
      ['operator', false, true, false, false, false, false, false],
      ['reviewer', true, false, false, false, false, false, true],
    ]);
  });

  it('agrees with the role lists the core enforces', () => {
    for (const role of userRoles) {
      expect([role, canWriteRecords(role)]).toEqual([role, WRITERS.includes(role)]);
      expect([role, canDecideEditRequests(role)]).toEqual([role, EDIT_DECIDERS.includes(role)]);
      expect([role, canManageUsers(role)]).toEqual([role, ADMINISTRATORS.includes(role)]);
      expect([role, canSeeStatistics(role)]).toEqual([role, STATISTICS_READERS.includes(role)]);
      expect([role, canReadAuditLog(role)]).toEqual([role, AUDIT_LOG_READERS.includes(role)]);
      expect([role, canExportAuditPackage(role)]).toEqual([
        role,
        AUDIT_PACKAGE_EXPORTERS.includes(role),
      ]);
    }
  });

  it('never lets anyone decide their own correction, nor a reviewer decide any', () => {
    const request = { requestedBy: 7 };
    expect(mayDecideEditRequest({ userId: 7, role: 'administrator' }, request)).toBe(false);
    expect(mayDecideEditRequest({ userId: 8, role: 'administrator' }, request)).toBe(true);
    expect(mayDecideEditRequest({ userId: 8, role: 'reviewer' }, request)).toBe(false);
    expect(mayDecideEditRequest({ userId: 8, role: 'operator' }, request)).toBe(false);
  });

  it('says in words what a read-only reviewer may not do, and lists no decision for them', () => {
    expect(roleExplanations.reviewer).toMatch(/changes nothing and decides no correction/);
    const decide = roleCapabilities.find((c) => c.what.startsWith('Approve or reject'));
    expect(decide?.allowed('reviewer')).toBe(false);
    expect(decide?.allowed('administrator')).toBe(true);
  });
});
