// Issue 15 part 3: an imported record writes ONE audit event ('certificate.import') that records
// the certificate's digest and covers its stock number and import mark (covered-digests.ts),
// instead of three events. Each row stays covered exactly as before: changed, removed or added
// through plain SQL, the full verification and the check at unlock both find it. A vault whose
// records were imported the old way (three events per record) still verifies, and its rows stay
// covered by their own events.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSinceVerifiedHead } from '../../../electron/core/audit-check/check-since-verified-head';
import { verifySnapshot } from '../../../electron/core/audit-check/snapshot-verification';
import { recordVerifiedHead } from '../../../electron/core/audit-check/verified-heads';
import { importRecords } from '../../../electron/core/record-import/import-records';
import { createAuditWriter } from '../../../electron/core/vault/audit/audit-chain';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { coveredIn } from '../../../electron/core/vault/audit/covered-digests';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { ownDigest } from '../../../electron/core/vault/audit/queued-digests';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault, tamperWithVault } from '../vault/vault-fixture';
import { bulkCsv, historicalRows } from './historical-rows';

let vault: TestVault;
let staff: Staff;

function importRows(count: number, first = 500000): void {
  importRecords({
    db: vault.db,
    services: vault.services,
    actor: staff.admin,
    now: () => vault.clock.now,
    file: { bytes: Buffer.from(bulkCsv(historicalRows(count, first)), 'utf8'), name: 'old.csv' },
    allOrNothing: false,
    onOutcome: () => undefined,
  });
}

const certificateId = (db: Database, number: string): number =>
  db
    .prepare<[string], number>('SELECT id FROM certificates WHERE number = ?')
    .pluck()
    .get(number) ?? 0;

/** The import event of certificate `number`. */
function importEvent(number: string): { seq: number; entity_digest: string } {
  const event = vault.db
    .prepare<[string], { seq: number; entity_digest: string }>(
      `SELECT seq, entity_digest FROM audit_events
        WHERE action = 'certificate.import' AND entity_type = 'certificate' AND entity_id = ?`,
    )
    .get(String(certificateId(vault.db, number)));
  if (event === undefined) throw new Error(`no import event for ${number}`);
  return event;
}

const row = (sql: string, key: string | number): CanonicalValue =>
  (vault.db.prepare(sql).get(key) as CanonicalValue | undefined) ?? null;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
  importRows(6);
}, 60_000);
afterEach(() => vault.close());

describe('one audit event per imported record', () => {
  it('records the certificate and covers its stock number and import mark', () => {
    const count = (action: string): number =>
      vault.db
        .prepare<[string], number>('SELECT count(*) FROM audit_events WHERE action = ?')
        .pluck()
        .get(action) ?? 0;
    expect(count('certificate.import')).toBe(6);
    expect(count('stock.import')).toBe(0);
    expect(count('record-import.mark')).toBe(0);
    const id = certificateId(vault.db, 'US500002');
    const event = importEvent('US500002');
    expect(ownDigest(event.entity_digest)).toBe(
      digestOf(row('SELECT * FROM certificates WHERE id = ?', id)),
    );
    expect(coveredIn(event.entity_digest)).toEqual([
      {
        entityType: 'stock',
        entityId: 'US500002',
        digest: digestOf(row('SELECT * FROM stock WHERE number = ?', 'US500002')),
      },
      {
        entityType: 'record_import',
        entityId: String(id),
        digest: digestOf(row('SELECT * FROM record_imports WHERE certificate_id = ?', id)),
      },
    ]);
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true });
  });

  it('finds a covered stock number changed with plain SQL, by the import event', () => {
    const { seq } = importEvent('US500001');
    tamperWithVault(vault, "UPDATE stock SET status = 'available' WHERE number = 'US500001'");
    const report = verifyAuditChain(vault.db);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ seq, entityType: 'stock', entityId: 'US500001' });
    expect(report.firstBreak?.message).toMatch(
      new RegExp(`differs from what audit event ${String(seq)} recorded`),
    );
  });

  it('finds a covered stock number removed with plain SQL', () => {
    const { seq } = importEvent('US500003');
    tamperWithVault(
      vault,
      `PRAGMA foreign_keys = OFF; DELETE FROM stock WHERE number = 'US500003';`,
    );
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      seq,
      entityType: 'stock',
      entityId: 'US500003',
    });
  });

  it('finds a covered import mark changed or removed with plain SQL', () => {
    const changed = importEvent('US500001');
    const id = certificateId(vault.db, 'US500001');
    tamperWithVault(
      vault,
      `UPDATE record_imports SET source_row = 99 WHERE certificate_id = ${String(id)}`,
    );
    const report = verifyAuditChain(vault.db);
    expect(report.firstBreak).toMatchObject({
      seq: changed.seq,
      entityType: 'record_import',
      entityId: String(id),
    });
    expect(report.firstBreak?.message).toMatch(/import mark of certificate record/i);

    const removed = importEvent('US500000');
    const first = certificateId(vault.db, 'US500000');
    tamperWithVault(vault, `DELETE FROM record_imports WHERE certificate_id = ${String(first)}`);
    // The lowest seq is reported: the first record's removed mark.
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      seq: removed.seq,
      entityType: 'record_import',
      entityId: String(first),
    });
  });

  it('still finds the imported certificate itself changed with plain SQL', () => {
    const { seq } = importEvent('US500004');
    const id = certificateId(vault.db, 'US500004');
    tamperWithVault(vault, `UPDATE certificates SET value_cents = 1 WHERE id = ${String(id)}`);
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      seq,
      entityType: 'certificate',
      entityId: String(id),
    });
  });

  it('finds a stock number and an import mark added with plain SQL that no event records', () => {
    tamperWithVault(
      vault,
      `INSERT INTO stock (number, digits, batch_id, status)
         SELECT 'US600000', 600000, batch_id, 'used' FROM stock WHERE number = 'US500000'`,
    );
    const report = verifyAuditChain(vault.db);
    expect(report.firstBreak).toMatchObject({
      seq: null,
      entityType: 'stock',
      entityId: 'US600000',
    });
    expect(report.firstBreak?.message).toMatch(/has no audit event: it was added outside KP Desk/);

    tamperWithVault(vault, "DELETE FROM stock WHERE number = 'US600000'");
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true });
    // A mark on a certificate of the vault's own (not imported): no event records it.
    const own = certificateId(vault.db, 'US500005');
    tamperWithVault(
      vault,
      `PRAGMA foreign_keys = OFF;
       INSERT INTO record_imports (certificate_id, source_file, source_row, source_format,
         row_sha256, imported_at, imported_by)
       SELECT ${String(own + 1000)}, source_file, 7, source_format, row_sha256, imported_at,
         imported_by FROM record_imports WHERE certificate_id = ${String(own)}`,
    );
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      seq: null,
      entityType: 'record_import',
      entityId: String(own + 1000),
    });
  });

  it('finds at unlock a covered row imported after the proved head and changed since', () => {
    const proved = verifySnapshot(vault.db);
    expect(proved.ok).toBe(true);
    const now = () => vault.clock.now;
    recordVerifiedHead(vault.db, createAuditWriter(vault.db, now), proved, staff.admin.userId, now);
    importRows(2, 700000);
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({ state: 'ok' });
    const { seq } = importEvent('US700001');
    tamperWithVault(vault, "UPDATE stock SET status = 'voided' WHERE number = 'US700001'");
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({
      state: 'broken',
      firstBreak: { seq, entityType: 'stock', entityId: 'US700001' },
    });
  });
});

/**
 * A record imported as the code before this change did: the same three rows, and three events
 * ('stock.import', 'certificate.import', 'record-import.mark'), each recording its own row.
 */
function importTheOldWay(db: Database, number: string, from: number): void {
  const writer = createAuditWriter(db, () => vault.clock.now);
  const userId = staff.admin.userId;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO stock (number, digits, batch_id, status)
         SELECT ?, ?, batch_id, status FROM stock WHERE number = (SELECT number FROM certificates WHERE id = ?)`,
    ).run(number, Number(number.slice(2)), from);
    writer.append({ userId, action: 'stock.import', entityType: 'stock', entityId: number });
    const source = db.prepare('SELECT * FROM certificates WHERE id = ?').get(from) as Record<
      string,
      unknown
    >;
    const columns = Object.keys(source).filter((name) => name !== 'id');
    const id = Number(
      db
        .prepare(
          `INSERT INTO certificates (${columns.join(', ')})
           VALUES (${columns.map((name) => `@${name}`).join(', ')})`,
        )
        .run({ ...source, number }).lastInsertRowid,
    );
    writer.append({
      userId,
      action: 'certificate.import',
      entityType: 'certificate',
      entityId: id,
    });
    db.prepare(
      `INSERT INTO record_imports (certificate_id, source_file, source_row, source_format,
         row_sha256, imported_at, imported_by)
       SELECT ?, 'older.csv', source_row, source_format, row_sha256, imported_at, imported_by
         FROM record_imports WHERE certificate_id = ?`,
    ).run(id, from);
    writer.append({
      userId,
      action: 'record-import.mark',
      entityType: 'record_import',
      entityId: id,
    });
  })();
}

describe('records imported before: three events per record', () => {
  it('still verify beside the new ones, each row covered by its own event', () => {
    importTheOldWay(vault.db, 'US800000', certificateId(vault.db, 'US500000'));
    importTheOldWay(vault.db, 'US800001', certificateId(vault.db, 'US500001'));
    const old = certificateId(vault.db, 'US800001');
    const stockEvent = vault.db
      .prepare<[], number>(
        "SELECT seq FROM audit_events WHERE action = 'stock.import' AND entity_id = 'US800001'",
      )
      .pluck()
      .get();
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true });
    tamperWithVault(vault, "UPDATE stock SET status = 'available' WHERE number = 'US800001'");
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      seq: stockEvent,
      entityType: 'stock',
      entityId: 'US800001',
    });
    tamperWithVault(vault, "UPDATE stock SET status = 'used' WHERE number = 'US800001'");
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true });
    tamperWithVault(vault, `DELETE FROM record_imports WHERE certificate_id = ${String(old)}`);
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      entityType: 'record_import',
      entityId: String(old),
    });
  });
});
