// Migration 0260 (compact audit events) on a real encrypted vault whose events were written the
// old way at the schema before it: the old events stay as they are and verify on the old path,
// new events are written compact, the chain goes on across the two formats, and the view
// audit_events shows every event with its old columns. Tampering is caught in each format: one
// byte of a stored text or field, a hash, the last event removed, two events swapped.
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  appendAuditEvent,
  eventHash,
  GENESIS_HASH,
} from '../../../electron/core/vault/audit/audit-chain';
import { createEntityReaders, digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { eventFieldsText } from '../../../electron/core/vault/audit/event-fields-text';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import { walkAuditChain } from '../../../electron/core/vault/audit/walk-audit-chain';
import { migration0260 } from '../../../electron/core/vault/migrations/0260-compact-audit-events';
import { OPEN_AUDIT_FOR_TAMPERING } from '../../helpers/audit-tampering';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0260);

/** The old writer (before 0260): every column stored, both hashes in hex. */
function appendOldWay(
  db: Database,
  action: string,
  entityType: 'stock' | 'party' | 'user' | 'stock_batch',
  id: string,
) {
  const last = db
    .prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )
    .get();
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    at: `2026-11-27T10:00:${String(last?.seq ?? 0).padStart(2, '0')}.000Z`,
    userId: 1,
    action,
    entityType,
    entityId: id,
    entityDigest: digestOf(createEntityReaders(db)[entityType](id)),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  db.prepare(
    `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest,
       prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    fields.seq,
    fields.at,
    fields.userId,
    fields.action,
    fields.entityType,
    fields.entityId,
    fields.entityDigest,
    prevHash,
    eventHash(prevHash, fields),
  );
}

/** A vault of 12 old events (the form US12345 and notes), upgraded, then 12 new events. */
function mixedVault(): { db: Database; firstCompact: number; last: number } {
  vault.migrateToPrevious();
  vault.insertUserAndForm('available');
  vault.db.transaction(() => {
    appendOldWay(vault.db, 'user.create', 'user', '1');
    appendOldWay(vault.db, 'stock.batch', 'stock_batch', '1');
    appendOldWay(vault.db, 'stock.register', 'stock', 'US12345');
    for (let i = 0; i < 9; i += 1)
      appendOldWay(vault.db, `note ${String(i)} – Zürich`, 'party', `p${String(i)}`);
  })();
  vault.migrate();
  const { db } = vault;
  expect(verifyAuditChain(db)).toEqual({ ok: true, eventsChecked: 12 });
  db.transaction(() => {
    for (let i = 0; i < 11; i += 1)
      appendAuditEvent(db, {
        userId: 1,
        action: `later ${String(i)}`,
        entityType: 'party',
        entityId: `q${String(i)}`,
      });
    db.prepare("UPDATE stock SET status = 'voided' WHERE number = 'US12345'").run();
    appendAuditEvent(db, {
      userId: 1,
      action: 'stock.void',
      entityType: 'stock',
      entityId: 'US12345',
    });
  })();
  return { db, firstCompact: 13, last: 24 };
}

const count = (db: Database, table: string): number =>
  db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;

function tampered(db: Database, sql: string) {
  db.exec(`${OPEN_AUDIT_FOR_TAMPERING} ${sql}`);
  return verifyAuditChain(db, { batchSize: 5 });
}

describe('migration 0260: compact audit events', () => {
  it('keeps the old events as they were, writes new ones compact, and verifies across both', () => {
    const { db, last } = mixedVault();
    expect(count(db, 'audit_events_legacy')).toBe(12);
    expect(count(db, 'audit_events_compact')).toBe(12);
    // A compact row holds the canonical text as hashed and 32 bytes of hash, nothing else.
    const row = db
      .prepare<[], { seq: number; body: string; hash: Buffer }>(
        'SELECT seq, body, hash FROM audit_events_compact WHERE seq = 13',
      )
      .get();
    const view = db
      .prepare<[], Record<string, unknown>>('SELECT * FROM audit_events WHERE seq = 13')
      .get();
    expect(row?.hash).toHaveLength(32);
    expect(view).toMatchObject({ seq: 13, action: 'later 0', entity_type: 'party', user_id: 1 });
    const fields = {
      seq: 13,
      at: view?.at as string,
      userId: 1,
      action: 'later 0',
      entityType: 'party',
      entityId: 'q0',
      entityDigest: view?.entity_digest as string,
    };
    expect(row?.body).toBe(eventFieldsText(fields));
    // The first compact event follows the last old one: its previous hash is the old hash.
    const oldLast = db
      .prepare<[], string>('SELECT hash FROM audit_events_legacy WHERE seq = 12')
      .pluck()
      .get();
    expect(view?.prev_hash).toBe(oldLast);
    expect(view?.hash).toBe(eventHash(oldLast ?? '', fields));
    // The whole chain, walked in batches that cross the switch, and by each path.
    for (const batchSize of [1, 5, 7, 2_000])
      expect(verifyAuditChain(db, { batchSize })).toEqual({ ok: true, eventsChecked: last });
    // The old events' non-ASCII text is walked exactly (its three batches: 1-5, 6-10, 11-12);
    // the compact ones pass by the fast path, whatever their characters.
    expect(walkAuditChain(db, { batchSize: 5 })).toMatchObject({ exactBatches: 3 });
  });

  it('catches one byte changed in a compact event text', () => {
    const { db } = mixedVault();
    const report = tampered(
      db,
      "UPDATE audit_events_compact SET body = replace(body, 'later 3', 'later 8') WHERE seq = 16",
    );
    expect(report).toMatchObject({
      ok: false,
      eventsChecked: 15,
      firstBreak: { seq: 16, kind: 'hash' },
    });
  });

  it('catches one byte changed in an old event', () => {
    const { db } = mixedVault();
    const report = tampered(
      db,
      "UPDATE audit_events_legacy SET action = 'note 1 – Zurich' WHERE seq = 5",
    );
    expect(report).toMatchObject({
      ok: false,
      eventsChecked: 4,
      firstBreak: { seq: 5, kind: 'hash' },
    });
  });

  it('catches a changed compact hash', () => {
    const { db } = mixedVault();
    // One byte of a compact hash blob.
    const report = tampered(
      db,
      `UPDATE audit_events_compact SET hash = unhex(
         substr(hex(hash), 1, 62) || CASE substr(hex(hash), 63, 2) WHEN '00' THEN '01' ELSE '00' END)
       WHERE seq = 20`,
    );
    expect(report.firstBreak).toMatchObject({ seq: 20, kind: 'hash' });
  });

  it('catches a changed old hash', () => {
    const { db } = mixedVault();
    const report = tampered(
      db,
      `UPDATE audit_events_legacy SET hash = '${'ab'.repeat(32)}' WHERE seq = 7`,
    );
    expect(report.firstBreak).toMatchObject({ seq: 7, kind: 'hash' });
  });

  it('catches the last event deleted', () => {
    const { db, last } = mixedVault();
    const report = tampered(db, `DELETE FROM audit_events_compact WHERE seq = ${String(last)}`);
    // The chain alone still holds; the form it recorded now differs from its latest event.
    expect(report).toMatchObject({
      ok: false,
      eventsChecked: last - 1,
      firstBreak: { kind: 'entity', entityType: 'stock', entityId: 'US12345', seq: 3 },
    });
  });

  it('catches the last old event deleted, where the formats meet', () => {
    const { db } = mixedVault();
    const report = tampered(db, 'DELETE FROM audit_events_legacy WHERE seq = 12');
    expect(report.firstBreak).toMatchObject({ seq: 13, kind: 'link' });
  });

  const swap = (table: string, a: number, b: number) =>
    `UPDATE ${table} SET seq = -1 WHERE seq = ${String(a)};
     UPDATE ${table} SET seq = ${String(a)} WHERE seq = ${String(b)};
     UPDATE ${table} SET seq = ${String(b)} WHERE seq = -1;`;

  it('catches two compact events swapped', () => {
    const { db } = mixedVault();
    expect(tampered(db, swap('audit_events_compact', 17, 18)).firstBreak).toMatchObject({
      seq: 17,
      kind: 'link',
    });
  });

  it('catches two old events swapped', () => {
    const { db } = mixedVault();
    expect(tampered(db, swap('audit_events_legacy', 3, 4)).firstBreak).toMatchObject({
      seq: 3,
      kind: 'link',
    });
  });
});
