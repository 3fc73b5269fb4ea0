// Issue 12: an operation that queues outbox rows (issue, ship, void, blank void) records their
// digests inside its own audit event, instead of one `submission.queue` event per row. Each row
// stays covered exactly as before: changed, removed or added through plain SQL, the full
// verification and the check at unlock both find it, by the operation's event.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSinceVerifiedHead } from '../../../electron/core/audit-check/check-since-verified-head';
import { verifySnapshot } from '../../../electron/core/audit-check/snapshot-verification';
import { recordVerifiedHead } from '../../../electron/core/audit-check/verified-heads';
import { createAuditWriter } from '../../../electron/core/vault/audit/audit-chain';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { ownDigest, queuedIn } from '../../../electron/core/vault/audit/queued-digests';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault, tamperWithVault } from '../vault/vault-fixture';
import { issueOne, registerForms } from './audit-check-fixture';

let vault: TestVault;
let staff: Staff;

type Event = { seq: number; action: string; entity_digest: string };

const eventsOf = (db: Database, action: string): Event[] =>
  db
    .prepare<[string], Event>(
      'SELECT seq, action, entity_digest FROM audit_events WHERE action = ? ORDER BY seq',
    )
    .all(action);

const outboxRow = (db: Database, id: number): CanonicalValue =>
  (db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as CanonicalValue | undefined) ?? null;

/** The pending USKPA report of certificate `number`'s issue, and the issue event recording it. */
function issueReport(number: string): { id: number; seq: number } {
  const id =
    vault.db
      .prepare<[string], number>(
        `SELECT o.id FROM outbox AS o JOIN certificates AS c ON c.id = o.certificate_id
          WHERE c.number = ? AND o.reason = 'issued'`,
      )
      .pluck()
      .get(number) ?? 0;
  const event = eventsOf(vault.db, 'certificate.issue').find((e) =>
    (queuedIn(e.entity_digest) ?? []).some((row) => row.outboxId === id),
  );
  return { id, seq: event?.seq ?? 0 };
}

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
  registerForms(vault, staff, 20);
  const { issuance } = vault.services;
  for (let i = 0; i < 3; i += 1) issueOne(vault, staff, `US${String(20000 + i)}`);
  const shipped = issueOne(vault, staff, 'US20003');
  issuance.ship(staff.operator, { id: shipped, shipDate: '2026-11-27' });
  const voided = issueOne(vault, staff, 'US20004');
  issuance.void(staff.operator, { id: voided, reason: 'Other (notes required)', notes: 'torn' });
  issuance.voidBlank(staff.operator, { number: 'US20010', reason: 'Printer error' });
}, 60_000);
afterEach(() => vault.close());

describe('outbox rows recorded inside the event of the operation that queued them', () => {
  it('writes one event per operation, which records the digest of every row it queued', () => {
    expect(eventsOf(vault.db, 'submission.queue')).toEqual([]);
    const rows = vault.db.prepare<[], { id: number }>('SELECT id FROM outbox ORDER BY id').all();
    // 5 issue reports, 1 Census copy of the shipment, 2 copies of the void, 2 of the blank void.
    expect(rows).toHaveLength(10);
    const recorded = new Map<number, string>();
    for (const action of [
      'certificate.issue',
      'certificate.ship',
      'certificate.void',
      'stock.void-blank',
    ])
      for (const event of eventsOf(vault.db, action)) {
        expect(ownDigest(event.entity_digest)).toMatch(/^[0-9a-f]{64}$/);
        for (const row of queuedIn(event.entity_digest) ?? [])
          recorded.set(row.outboxId, row.digest);
      }
    expect([...recorded.keys()].sort((a, b) => a - b)).toEqual(rows.map((row) => row.id));
    for (const [id, digest] of recorded) expect(digestOf(outboxRow(vault.db, id))).toBe(digest);
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true });
  });

  it('finds a queued row changed with plain SQL, by the event of its operation', () => {
    const { id, seq } = issueReport('US20001');
    tamperWithVault(
      vault,
      `UPDATE outbox SET payload_json = json_set(payload_json, '$.caratHundredths', 1)
        WHERE id = ${String(id)}`,
    );
    const report = verifyAuditChain(vault.db);
    expect(report.firstBreak).toMatchObject({ seq, entityType: 'outbox', entityId: String(id) });
    expect(report.firstBreak?.message).toMatch(
      new RegExp(`^Submission ${String(id)} differs from what audit event ${String(seq)} recorded`),
    );
  });

  it('finds a queued row marked delivered with plain SQL, without a delivery', () => {
    const { id, seq } = issueReport('US20002');
    tamperWithVault(
      vault,
      `UPDATE outbox SET status = 'delivered', delivered_at = '2026-11-27T11:00:00.000Z'
        WHERE id = ${String(id)}`,
    );
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      seq,
      entityType: 'outbox',
      entityId: String(id),
    });
  });

  it('finds a queued row removed with plain SQL', () => {
    const { id, seq } = issueReport('US20000');
    tamperWithVault(vault, `DELETE FROM outbox WHERE id = ${String(id)}`);
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      seq,
      entityType: 'outbox',
      entityId: String(id),
    });
  });

  it('finds a row added with plain SQL that no operation recorded', () => {
    tamperWithVault(
      vault,
      `INSERT INTO outbox (certificate_id, recipient, reason, payload_json, status, created_at,
         next_due_at, idempotency_key)
       SELECT certificate_id, recipient, reason, payload_json, status, created_at, next_due_at,
              'US20001/issued/v2'
         FROM outbox WHERE reason = 'issued' ORDER BY id LIMIT 1 OFFSET 1`,
    );
    const added = vault.db.prepare<[], number>('SELECT max(id) FROM outbox').pluck().get() ?? 0;
    const report = verifyAuditChain(vault.db);
    expect(report.firstBreak).toMatchObject({
      seq: null,
      entityType: 'outbox',
      entityId: String(added),
    });
    expect(report.firstBreak?.message).toMatch(/has no audit event: it was added outside KP Desk/);
  });

  it('finds at unlock a row queued after the proved head and changed since', () => {
    const proved = verifySnapshot(vault.db);
    expect(proved.ok).toBe(true);
    const now = () => vault.clock.now;
    recordVerifiedHead(vault.db, createAuditWriter(vault.db, now), proved, staff.admin.userId, now);
    issueOne(vault, staff, 'US20005');
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({ state: 'ok' });
    const { id, seq } = issueReport('US20005');
    tamperWithVault(vault, `UPDATE outbox SET reason = 'amended' WHERE id = ${String(id)}`);
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({
      state: 'broken',
      firstBreak: { seq, entityType: 'outbox', entityId: String(id) },
    });
  });
});
