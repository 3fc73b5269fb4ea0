// Stock registrations (stock_batches) and the signature level of each signed document
// (signature_levels) were outside the audit digests: a batch's description or registering user,
// or a document's level, could be changed with plain SQL and the chain still said OK (issue 13).
// They are entity types now (audit/entity-digest.ts), and each new row gets its event in the
// transaction that writes it. This migration records the rows that already exist, one event each
// ('audit.cover-existing', no user), with the digest of the row as it is now: the chain vouches
// for them from here on, not for what they were before (nothing did). Self-contained on purpose:
// it writes the event format of its own time, whatever later versions of the audit writer do.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH, eventHash } from '../audit/audit-chain';
import type { CanonicalValue } from '../audit/canonical-json';
import { digestOf } from '../audit/entity-digest';
import type { Migration } from './migration';

/** The entity types this migration covers, with their tables and INTEGER keys, in this order. */
const covered = [
  { entityType: 'stock_batch', table: 'stock_batches', key: 'id' },
  { entityType: 'signature_level', table: 'signature_levels', key: 'attachment_id' },
] as const;

function coverExisting(db: Database, at: string): void {
  const last = db
    .prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )
    .get();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const insert = db.prepare(
    `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash)
     VALUES (?, ?, NULL, 'audit.cover-existing', ?, ?, ?, ?, ?)`,
  );
  for (const { entityType, table, key } of covered) {
    // Names come from the constant list above, never from input.
    const rows = db
      .prepare(
        `SELECT * FROM ${table} AS t WHERE NOT EXISTS (SELECT 1 FROM audit_events AS a
           WHERE a.entity_type = ? AND a.entity_id = CAST(t.${key} AS TEXT)) ORDER BY ${key}`,
      )
      .all(entityType) as (Record<string, CanonicalValue> & Record<typeof key, number>)[];
    for (const row of rows) {
      seq += 1;
      const entityId = String(row[key]);
      const fields = {
        seq,
        at,
        userId: null,
        action: 'audit.cover-existing',
        entityType,
        entityId,
        entityDigest: digestOf(row),
      };
      const hash = eventHash(prevHash, fields);
      insert.run(seq, at, entityType, entityId, fields.entityDigest, prevHash, hash);
      prevHash = hash;
    }
  }
}

export const migration0095: Migration = {
  version: 95,
  name: 'audit-stock-batches-and-signature-levels',
  up: (db) => {
    coverExisting(db, new Date().toISOString());
  },
};
