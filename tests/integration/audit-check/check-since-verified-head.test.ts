// Issue 13, part 6: the check at unlock reads only the events since the head the last full
// verification proved. A change after that head is found by it; a change before it is not (it
// reads nothing there) and is found by the full verification. The head itself is a record under
// the audit: changed with plain SQL, the check refuses to start from it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSinceVerifiedHead } from '../../../electron/core/audit-check/check-since-verified-head';
import { verifySnapshot } from '../../../electron/core/audit-check/snapshot-verification';
import { recordVerifiedHead } from '../../../electron/core/audit-check/verified-heads';
import { createAuditWriter } from '../../../electron/core/vault/audit/audit-chain';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault, tamperWithVault } from '../vault/vault-fixture';
import { chainHeadOf, eventCount, issueOne, registerForms } from './audit-check-fixture';
import { OPEN_AUDIT_FOR_TAMPERING } from '../../helpers/audit-tampering';

let vault: TestVault;
let staff: Staff;
let proved: number;

/** A full verification of the vault as it is, its head recorded as the app records it. */
function verifyAndRecord(): void {
  const report = verifySnapshot(vault.db);
  expect(report.ok).toBe(true);
  const now = () => vault.clock.now;
  recordVerifiedHead(vault.db, createAuditWriter(vault.db, now), report, staff.admin.userId, now);
}

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
  registerForms(vault, staff, 200);
  for (let i = 0; i < 5; i += 1) issueOne(vault, staff, `US${String(20000 + i)}`);
  verifyAndRecord();
  proved = chainHeadOf(vault).seq - 1; // the event before the one recording the verification
  for (let i = 5; i < 10; i += 1) issueOne(vault, staff, `US${String(20000 + i)}`);
}, 60_000);
afterEach(() => vault.close());

describe('the check at unlock', () => {
  it('says there is nothing proved to start from before the first full verification', () => {
    const fresh = openTestVault();
    try {
      expect(checkSinceVerifiedHead(fresh.db)).toMatchObject({ state: 'unverified' });
    } finally {
      fresh.close();
    }
  });

  it('walks only the events since the proved head, and finds them sound', () => {
    const check = checkSinceVerifiedHead(vault.db);
    expect(check).toMatchObject({
      state: 'ok',
      from: { seq: proved },
      to: chainHeadOf(vault),
      eventsChecked: eventCount(vault) - proved,
    });
    // 5 certificates, their 5 forms, the 5 USKPA reports their issue queued, and the record of
    // the verification
    expect(vault.db.prepare<[], number>('SELECT count(*) FROM outbox').pluck().get()).toBe(10);
    expect(check.state === 'ok' && check.recordsChecked).toBe(16);
  });

  it('finds an event after the proved head that was altered', () => {
    const target = proved + 4;
    tamperWithVault(
      vault,
      `${OPEN_AUDIT_FOR_TAMPERING}
       UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE seq = ${String(target)}`,
    );
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({
      state: 'broken',
      firstBreak: { seq: target, kind: 'hash' },
    });
  });

  it('finds a record changed after the proved head by the event that last touched it', () => {
    const { id } = vault.db
      .prepare<[], { id: number }>("SELECT id FROM certificates WHERE number = 'US20007'")
      .get() ?? { id: 0 };
    tamperWithVault(vault, `UPDATE certificates SET carat_hundredths = 1 WHERE id = ${String(id)}`);
    const check = checkSinceVerifiedHead(vault.db);
    expect(check).toMatchObject({
      state: 'broken',
      firstBreak: { kind: 'entity', entityType: 'certificate', entityId: String(id) },
    });
    expect(check.state === 'broken' && check.firstBreak?.record).toContain('US20007');
  });

  it('does not read an event before the proved head; the full verification finds it', () => {
    const target = proved - 10;
    tamperWithVault(
      vault,
      `${OPEN_AUDIT_FOR_TAMPERING}
       UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE seq = ${String(target)}`,
    );
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({ state: 'ok' });
    expect(verifyAuditChain(vault.db)).toMatchObject({
      ok: false,
      firstBreak: { seq: target, kind: 'hash' },
    });
  });

  it('refuses a proved head moved forward with plain SQL, and the full verification names it', () => {
    const head = chainHeadOf(vault);
    tamperWithVault(
      vault,
      `UPDATE audit_verified_heads SET seq = ${String(head.seq)}, hash = '${head.hash}'`,
    );
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({
      state: 'broken',
      firstBreak: { kind: 'entity', entityType: 'audit_verified_head' },
    });
    expect(verifyAuditChain(vault.db)).toMatchObject({
      ok: false,
      firstBreak: { kind: 'entity', entityType: 'audit_verified_head' },
    });
  });

  it('finds the proved event rewritten with a new hash', () => {
    tamperWithVault(
      vault,
      `${OPEN_AUDIT_FOR_TAMPERING}
       UPDATE audit_events SET hash = '${'ab'.repeat(32)}' WHERE seq = ${String(proved)}`,
    );
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({
      state: 'broken',
      firstBreak: { seq: proved, kind: 'hash' },
    });
  });

  it('finds a chain cut below the proved head: the record of the verification lost its event', () => {
    tamperWithVault(
      vault,
      `${OPEN_AUDIT_FOR_TAMPERING}
       DELETE FROM audit_events WHERE seq >= ${String(proved)}`,
    );
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({
      state: 'broken',
      firstBreak: { kind: 'entity', entityType: 'audit_verified_head' },
    });
  });

  it('finds an event removed after the proved head', () => {
    tamperWithVault(
      vault,
      `${OPEN_AUDIT_FOR_TAMPERING}
       DELETE FROM audit_events WHERE seq = ${String(proved + 3)}`,
    );
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({
      state: 'broken',
      firstBreak: { seq: proved + 4, kind: 'link' },
    });
  });
});
