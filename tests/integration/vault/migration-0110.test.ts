// Migration 0110 (submission delivery) on a real encrypted vault holding outbox rows at the
// schema before it: every row is kept with its data, gets its idempotency key (the Nth message of
// a kind about a number to a recipient is vN), is due at once, 'sent' becomes 'delivered', and
// each row gets one hash-chained 'submission.adopt' event whose digest is the row's, so the audit
// verification covers the rows written before the upgrade.
import { describe, expect, it } from 'vitest';
import { eventHash } from '../../../electron/core/vault/audit/audit-chain';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { migration0110 } from '../../../electron/core/vault/migrations/0110-submission-delivery';
import { schemaVersion } from '../../../electron/core/vault/run-migrations';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0110);

type Event = {
  seq: number;
  at: string;
  user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  entity_digest: string;
  prev_hash: string;
  hash: string;
};

describe('migration 0110', () => {
  it('keeps every outbox row, keys it, and adopts it into the audit chain', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('voided');
    const add = vault.db.prepare(
      `INSERT INTO outbox (stock_number, recipient, reason, payload_json, status, attempts,
         created_at, sent_at) VALUES ('US12345', ?, 'voided', ?, ?, ?, ?, ?)`,
    );
    add.run('census', '{"n":1}', 'pending', 0, '2026-11-27T10:00:00.000Z', null);
    add.run('uskpa', '{"n":2}', 'sent', 1, '2026-11-27T10:00:00.000Z', '2026-11-27T11:00:00.000Z');
    add.run('census', '{"n":3}', 'failed', 4, '2026-11-28T09:00:00.000Z', null);
    const { before, after } = vault.migrate(migration0110.version);
    expect(schemaVersion(vault.db)).toBe(110);
    const { outbox: outboxBefore, audit_events: eventsBefore, ...others } = before;
    for (const [table, rows] of Object.entries(others)) expect(after[table]).toEqual(rows);
    expect(eventsBefore).toEqual([]);
    expect(after.submission_receipts).toEqual([]);
    const rows = after.outbox as Record<string, unknown>[];
    expect(rows.map((row) => [row.idempotency_key, row.recipient, row.status])).toEqual([
      ['US12345/voided/v1', 'census', 'pending'],
      ['US12345/voided/v1', 'uskpa', 'delivered'],
      ['US12345/voided/v2', 'census', 'failed'],
    ]);
    (outboxBefore as Record<string, unknown>[]).forEach((old, i) => {
      const row = rows[i] ?? {};
      for (const column of [
        'id',
        'stock_number',
        'reason',
        'payload_json',
        'attempts',
        'created_at',
      ])
        expect(row[column]).toEqual(old[column]);
      expect(row.next_due_at).toBe(old.created_at);
    });
    expect(rows[1]?.delivered_at).toBe('2026-11-27T11:00:00.000Z');

    const events = after.audit_events as Event[];
    expect(events.map((e) => [e.seq, e.action, e.entity_type, e.entity_id])).toEqual([
      [1, 'submission.adopt', 'outbox', '1'],
      [2, 'submission.adopt', 'outbox', '2'],
      [3, 'submission.adopt', 'outbox', '3'],
    ]);
    let prev = '0'.repeat(64);
    events.forEach((event, i) => {
      expect(event.entity_digest).toBe(digestOf((rows[i] ?? null) as CanonicalValue));
      expect(event.prev_hash).toBe(prev);
      const fields = {
        seq: event.seq,
        at: event.at,
        userId: event.user_id,
        action: event.action,
        entityType: event.entity_type,
        entityId: event.entity_id,
        entityDigest: event.entity_digest,
      };
      expect(event.hash).toBe(eventHash(prev, fields));
      prev = event.hash;
    });
    // A key is unique per recipient; a status outside the list is refused.
    expect(() =>
      vault.db
        .prepare(
          `INSERT INTO outbox (stock_number, recipient, reason, payload_json, status, created_at,
             idempotency_key, next_due_at) VALUES ('US12345', 'census', 'voided', '{}', 'pending',
             't', 'US12345/voided/v1', 't')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() => vault.db.prepare("UPDATE outbox SET status = 'sent' WHERE id = 1").run()).toThrow(
      /CHECK/,
    );
  });
});
