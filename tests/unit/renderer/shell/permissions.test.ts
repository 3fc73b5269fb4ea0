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
import { AppFailure } from '../../../../electron/core/app-failure';
import { refuseWhileReadingPackage } from '../../../../electron/core/audit-package/refuse-while-reading';
import type { CoreHandlers } from '../../../../electron/core/ipc/core-handlers';
import { channelNames } from '../../../../shared/ipc/channels';
import {
  READ_ONLY_PACKAGE_REASON,
  packageAccess,
} from '../../../../renderer/src/audit-package/package-access';
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

  it('refuses in an audit package exactly what the core refuses while one is read', async () => {
    // The core's own guard, over handlers that only say they ran: the renderer's rule must
    // disable exactly the channels that the guard refuses.
    const handlers = Object.fromEntries(
      channelNames.map((channel) => [channel, () => Promise.resolve(channel)]),
    ) as unknown as CoreHandlers;
    const guarded = refuseWhileReadingPackage(handlers, () =>
      Promise.resolve(true),
    ) as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    const reading = packageAccess(true);
    let refusedCount = 0;
    for (const channel of channelNames) {
      const call = guarded[channel];
      if (call === undefined) throw new Error(`no guarded handler for ${channel}`);
      const refusedByCore = await call({}).then(
        () => false,
        (error: unknown) =>
          error instanceof AppFailure && error.error.code === 'AUDIT_PACKAGE_READ_ONLY',
      );
      if (refusedByCore) refusedCount += 1;
      expect([channel, reading.refusal(channel)]).toEqual([
        channel,
        refusedByCore ? READ_ONLY_PACKAGE_REASON : null,
      ]);
      expect([channel, packageAccess(false).refusal(channel)]).toEqual([channel, null]);
    }
    expect(refusedCount).toBeGreaterThan(40);
  });
});
