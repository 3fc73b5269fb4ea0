// What an attacker who holds the vault key does through plain SQL (issue 13): change rows, then
// make the audit chain consistent again from event 1, so the chain alone says "OK". Only an
// anchor that left the vault after the rewritten point catches it (audit-anchors tests).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { OPEN_AUDIT_FOR_TAMPERING } from './audit-tampering';
import { GENESIS_HASH, eventHash } from '../../electron/core/vault/audit/audit-chain';
import {
  createEntityReaders,
  digestOf,
  isAuditEntityType,
} from '../../electron/core/vault/audit/entity-digest';
import { queuedIn, withQueued } from '../../electron/core/vault/audit/queued-digests';
import { coveredIn, withCovered } from '../../electron/core/vault/audit/covered-digests';

/**
 * What an attacker with the key does through plain SQL: drop the append-only triggers, change
 * rows, give each entity's latest event the digest of its row as it now is, and recompute
 * every hash from event 1, so the chain and the digests are all consistent again.
 */
export function rewriteAndRechain(db: Database, sql: string): void {
  db.exec(OPEN_AUDIT_FOR_TAMPERING);
  db.exec(sql);
  const readers = createEntityReaders(db);
  const latest = db
    .prepare<[], { seq: number; type: string; id: string; recorded: string | null }>(
      `SELECT max(seq) AS seq, entity_type AS type, entity_id AS id,
              entity_digest AS recorded FROM audit_events
        GROUP BY entity_type, entity_id`,
    )
    .all();
  const setDigest = db.prepare('UPDATE audit_events SET entity_digest = ? WHERE seq = ?');
  // The outbox rows an operation's event records stay recorded as they were (queued-digests.ts),
  // and so do the rows it covers (covered-digests.ts).
  for (const { seq, type, id, recorded } of latest)
    if (isAuditEntityType(type)) {
      const own = digestOf(readers[type](id));
      const covered = coveredIn(recorded ?? '') ?? [];
      setDigest.run(
        covered.length > 0
          ? withCovered(own, covered)
          : withQueued(own, queuedIn(recorded ?? '') ?? []),
        seq,
      );
    }
  type Row = {
    seq: number;
    at: string;
    userId: number | null;
    action: string;
    entityType: string;
    entityId: string;
    entityDigest: string;
  };
  const rows = db
    .prepare<[], Row>(
      `SELECT seq, at, user_id AS userId, action, entity_type AS entityType,
              entity_id AS entityId, entity_digest AS entityDigest FROM audit_events ORDER BY seq`,
    )
    .all();
  const setHash = db.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?');
  let previous = GENESIS_HASH;
  for (const row of rows) {
    const next = eventHash(previous, row);
    setHash.run(previous, next, row.seq);
    previous = next;
  }
}
