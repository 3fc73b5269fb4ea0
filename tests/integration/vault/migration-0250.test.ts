// Migration 0250 (incoming certificates) on a real encrypted vault holding outbox rows and a
// receipt at the schema before it: the outbox and its receipts are rebuilt (outbox gains
// incoming_id) with every row and value kept, each outbox row gets one 'audit.cover-existing'
// event with its new digest, the receipt keeps its digest, and the new CHECK takes exactly one
// subject per message.
import { describe, expect, it } from 'vitest';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { migration0250 } from '../../../electron/core/vault/migrations/0250-incoming-certificates';
import { schemaVersion } from '../../../electron/core/vault/run-migrations';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0250);

describe('migration 0250', () => {
  it('keeps the outbox and its receipts, covers the rebuilt rows, and takes one subject', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('voided');
    const add = vault.db.prepare(
      `INSERT INTO outbox (stock_number, recipient, reason, payload_json, status, attempts,
         created_at, idempotency_key, next_due_at, delivered_at)
       VALUES ('US12345', ?, 'voided', '{}', ?, 1, '2026-11-27T10:00:00.000Z', ?,
         '2026-11-27T10:00:00.000Z', ?)`,
    );
    add.run('census', 'delivered', 'US12345/voided/v1', '2026-11-27T11:00:00.000Z');
    add.run('uskpa', 'pending', 'US12345/voided/v1', null);
    vault.db
      .prepare(
        `INSERT INTO submission_receipts (outbox_id, receipt_id, received_at, status,
           signed_receipt_json, stored_at) VALUES (1, 'R-1', 'then', 'accepted', '{}', 'then')`,
      )
      .run();
    const { before, after } = vault.migrate(migration0250.version);
    expect(schemaVersion(vault.db)).toBe(250);
    expect(after.submission_receipts).toEqual(before.submission_receipts);
    expect(after.outbox).toEqual(
      (before.outbox as Record<string, unknown>[]).map((row) => ({ ...row, incoming_id: null })),
    );
    const events = vault.db
      .prepare<[], { entity_id: string; entity_digest: string; action: string }>(
        "SELECT entity_id, entity_digest, action FROM audit_events WHERE entity_type = 'outbox'",
      )
      .all();
    expect(events.map((e) => [e.entity_id, e.action])).toEqual([
      ['1', 'audit.cover-existing'],
      ['2', 'audit.cover-existing'],
    ]);
    for (const event of events) {
      const row = vault.db
        .prepare('SELECT * FROM outbox WHERE id = ?')
        .get(Number(event.entity_id)) as CanonicalValue;
      expect(event.entity_digest).toBe(digestOf(row));
    }
    // The receipt still references its outbox row, and foreign keys hold.
    expect(vault.db.pragma('foreign_key_check')).toEqual([]);
    // A message with no subject, or with two, is refused by the rebuilt table.
    const bare = vault.db.prepare(
      `INSERT INTO outbox (certificate_id, stock_number, incoming_id, recipient, reason,
         payload_json, status, created_at, idempotency_key, next_due_at)
       VALUES (NULL, ?, NULL, 'census', 'voided', '{}', 'pending', 'now', ?, 'now')`,
    );
    expect(() => bare.run(null, 'X/voided/v1')).toThrow(/CHECK constraint failed/);
    const indexes = vault.db
      .prepare<[], string>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'outbox_by_certificate',
        'outbox_by_incoming',
        'outbox_due',
        'outbox_pending',
      ]),
    );
  });
});
