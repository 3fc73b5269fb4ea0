// Delivery of the outbox (issue 12): Census must get a copy of every exported and every voided
// certificate (31 CFR 592.301(a)(1)(iv)-(v); 15 CFR 30.7(c)), USKPA a report of each use, and the
// licensee must be able to prove each delivery years later. Three changes, one step:
// 1. outbox is rebuilt (SQLite cannot change a CHECK in place): the statuses after the IPPC ePhyto
//    Hub (pending, sending, delivered, delivered_with_warnings, failed, rejected, cancelled; the
//    old 'sent' becomes 'delivered'), the idempotency key every attempt carries (number/kind/vN,
//    fixed when the row is written, UNIQUE per recipient), when the row is next due, the last
//    attempt and error, the audit head a USKPA envelope carries (frozen at the first attempt so
//    every retry sends the same bytes), and when it was delivered.
// 2. submission_receipts: the signed receipt of each delivered row, exactly as received.
// 3. Outbox rows now have audit events like every other record ('outbox' entities); rows written
//    before this step get one 'submission.adopt' event each, computed here from the rebuilt row
//    (the audit writer is not used: it prepares readers for tables later steps may add).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH, eventHash } from '../audit/audit-chain';
import type { CanonicalValue } from '../audit/canonical-json';
import { digestOf } from '../audit/entity-digest';
import type { Migration } from './migration';

function adoptExistingRows(db: Database): void {
  const ids = db.prepare<[], number>('SELECT id FROM outbox ORDER BY id').pluck().all();
  if (ids.length === 0) return;
  const row = db.prepare('SELECT * FROM outbox WHERE id = ?');
  const last = db
    .prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )
    .get();
  const insert = db.prepare(
    `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest,
       prev_hash, hash) VALUES (?, ?, NULL, 'submission.adopt', 'outbox', ?, ?, ?, ?)`,
  );
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date().toISOString();
  for (const id of ids) {
    seq += 1;
    const fields = {
      seq,
      at,
      userId: null,
      action: 'submission.adopt',
      entityType: 'outbox',
      entityId: String(id),
      entityDigest: digestOf((row.get(id) ?? null) as CanonicalValue),
    };
    const hash = eventHash(prevHash, fields);
    insert.run(seq, at, fields.entityId, fields.entityDigest, prevHash, hash);
    prevHash = hash;
  }
}

export const migration0110: Migration = {
  version: 110,
  name: 'submission-delivery',
  up: (db) => {
    db.exec(`
      CREATE TABLE outbox_0110 (
        id INTEGER PRIMARY KEY,
        certificate_id INTEGER REFERENCES certificates (id),
        stock_number TEXT REFERENCES stock (number),
        recipient TEXT NOT NULL CHECK (recipient IN ('census', 'uskpa')),
        reason TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered',
          'delivered_with_warnings', 'failed', 'rejected', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        created_at TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        next_due_at TEXT NOT NULL,
        last_attempt_at TEXT,
        last_error_code TEXT,
        last_error TEXT,
        audit_head_seq INTEGER,
        audit_head_hash TEXT,
        delivered_at TEXT,
        CHECK ((certificate_id IS NULL) <> (stock_number IS NULL)),
        CHECK ((audit_head_seq IS NULL) = (audit_head_hash IS NULL)),
        CHECK ((delivered_at IS NOT NULL) = (status IN ('delivered', 'delivered_with_warnings'))),
        UNIQUE (recipient, idempotency_key)
      ) STRICT;
      INSERT INTO outbox_0110 (id, certificate_id, stock_number, recipient, reason, payload_json,
                               status, attempts, created_at, idempotency_key, next_due_at,
                               delivered_at)
        SELECT o.id, o.certificate_id, o.stock_number, o.recipient, o.reason, o.payload_json,
               CASE o.status WHEN 'sent' THEN 'delivered' ELSE o.status END, o.attempts,
               o.created_at,
               coalesce(c.number, o.stock_number) || '/' || o.reason || '/v' ||
                 row_number() OVER (PARTITION BY o.recipient, coalesce(c.number, o.stock_number),
                                    o.reason ORDER BY o.id),
               o.created_at,
               CASE o.status WHEN 'sent' THEN coalesce(o.sent_at, o.created_at) END
          FROM outbox AS o LEFT JOIN certificates AS c ON c.id = o.certificate_id;
      DROP TABLE outbox;
      ALTER TABLE outbox_0110 RENAME TO outbox;
      CREATE INDEX outbox_pending ON outbox (status, created_at);
      CREATE INDEX outbox_by_certificate ON outbox (certificate_id);
      -- What the drain loop asks for: the next due row that is waiting to be sent.
      CREATE INDEX outbox_due ON outbox (next_due_at, id) WHERE status IN ('pending', 'failed');

      CREATE TABLE submission_receipts (
        id INTEGER PRIMARY KEY,
        outbox_id INTEGER NOT NULL UNIQUE REFERENCES outbox (id),
        receipt_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('accepted', 'accepted-with-warnings')),
        signed_receipt_json TEXT NOT NULL,
        stored_at TEXT NOT NULL
      ) STRICT;
    `);
    adoptExistingRows(db);
  },
};
