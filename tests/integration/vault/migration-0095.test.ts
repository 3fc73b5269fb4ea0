// Migration 0095 puts the stock registrations and the signature levels that already exist under
// the audit: one 'audit.cover-existing' event per row that has none, chained after the last
// event, with the digest of the row as it is; rows that already have an event get no second one.
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, eventHash } from '../../../electron/core/vault/audit/audit-chain';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { migration0095 } from '../../../electron/core/vault/migrations/0095-audit-stock-batches-and-signature-levels';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0095);

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

const events = (): Event[] =>
  vault.db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Event[];

describe('migration 0095', () => {
  it('records each existing stock batch once, chained, with the digest of its row', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('available');
    vault.db
      .prepare(
        "INSERT INTO stock_batches (id, description, registered_at, registered_by) VALUES (2, 'Book 2', '2026-11-28T10:00:00Z', 1)",
      )
      .run();
    const { before, after } = vault.migrate(migration0095.version);
    expect(before.audit_events).toEqual([]);
    const written = events();
    expect(written.map((e) => [e.action, e.entity_type, e.entity_id, e.user_id])).toEqual([
      ['audit.cover-existing', 'stock_batch', '1', null],
      ['audit.cover-existing', 'stock_batch', '2', null],
    ]);
    // Nothing else changed.
    expect({ ...after, audit_events: [] }).toEqual({ ...before, audit_events: [] });
    let prevHash = GENESIS_HASH;
    for (const event of written) {
      const row = vault.db
        .prepare('SELECT * FROM stock_batches WHERE id = ?')
        .get(Number(event.entity_id));
      expect(event.entity_digest).toBe(digestOf(row as Record<string, string | number | null>));
      expect(event.prev_hash).toBe(prevHash);
      expect(event.hash).toBe(
        eventHash(prevHash, {
          seq: event.seq,
          at: event.at,
          userId: null,
          action: event.action,
          entityType: event.entity_type,
          entityId: event.entity_id,
          entityDigest: event.entity_digest,
        }),
      );
      prevHash = event.hash;
    }
  });

  it('gives a batch that already has an event no second one', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('available');
    vault.db
      .prepare(
        `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash)
         VALUES (1, '2026-11-27T10:00:00Z', 1, 'stock.register-batch', 'stock_batch', '1', 'x', ?, 'h1')`,
      )
      .run(GENESIS_HASH);
    vault.migrate(migration0095.version);
    expect(events().map((e) => e.action)).toEqual(['stock.register-batch']);
  });
});
