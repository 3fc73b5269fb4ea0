// A lease on a submission being sent (issue 12): `kpdesk submit` and the app's background drain
// may work on the same vault at the same moment, and must never both send the same copy. The
// lock lives in the vault, not in a lock file (a file outlives a crash, and a second computer on a
// shared folder would not see it): a row being sent carries who holds it (lease_owner: host, pid
// and a random token of the process) and until when (lease_until). Claiming is one atomic UPDATE
// in a BEGIN IMMEDIATE transaction (outbox-deliveries.ts); a holder that died (SIGKILL, power
// loss) is detected by its pid on this host or by its lease expiring.
// Only new columns, no index change (another change owns the outbox's indexes). The columns are
// NULL on every row, but they join each row's digest (SELECT * as canonical JSON), so each
// existing row gets one 'audit.cover-existing' event with its digest as it is now (as 0095, 0180
// and 0250 did). Self-contained on purpose: it writes the event format of its time.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH, eventHash } from '../audit/audit-chain';
import type { CanonicalValue } from '../audit/canonical-json';
import { digestOf } from '../audit/entity-digest';
import type { Migration } from './migration';

function coverOutboxRows(db: Database, at: string): void {
  const last = db
    .prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )
    .get();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const insert = db.prepare(
    `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest,
       prev_hash, hash) VALUES (?, ?, NULL, 'audit.cover-existing', 'outbox', ?, ?, ?, ?)`,
  );
  const rows = db.prepare('SELECT * FROM outbox ORDER BY id').iterate() as IterableIterator<
    Record<string, CanonicalValue> & { id: number }
  >;
  const covered: { entityId: string; digest: string; seq: number; prev: string; hash: string }[] =
    [];
  for (const row of rows) {
    seq += 1;
    const entityId = String(row.id);
    const fields = {
      seq,
      at,
      userId: null,
      action: 'audit.cover-existing',
      entityType: 'outbox',
      entityId,
      entityDigest: digestOf(row),
    };
    const hash = eventHash(prevHash, fields);
    covered.push({ entityId, digest: fields.entityDigest, seq, prev: prevHash, hash });
    prevHash = hash;
  }
  // Written after the read ends (an open iterator holds the connection).
  for (const event of covered)
    insert.run(event.seq, at, event.entityId, event.digest, event.prev, event.hash);
}

export const migration0271: Migration = {
  version: 271,
  name: 'outbox-delivery-lease',
  up: (db) => {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN lease_owner TEXT
        CHECK (lease_owner IS NULL OR length(lease_owner) BETWEEN 1 AND 200);
      ALTER TABLE outbox ADD COLUMN lease_until TEXT
        CHECK ((lease_until IS NULL) = (lease_owner IS NULL));
    `);
    coverOutboxRows(db, new Date().toISOString());
  },
};
