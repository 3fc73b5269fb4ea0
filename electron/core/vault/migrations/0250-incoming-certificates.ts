// Incoming (import) certificates (issue 15, part 4). A licensee who imports rough diamonds
// receives the foreign exporting Participant's KP certificate; KP Desk keeps it for the record
// duty, sends Census its copy immediately after entry (31 CFR 592.301(a)(1)(iii)) and tracks the
// receipt confirmation owed to the foreign exporting authority (KPCS Section IV(c); the US
// practice of 15 calendar days, docs/domain.md).
// 1. incoming_certificates: one row per foreign certificate; its number is unique and, by the
//    CHECKs, can never look like a US certificate's. Carats in hundredths and US$ in cents, as
//    integers (never floats). receipt_due_on is fixed at entry (date of entry + 15 days).
// 2. incoming_scans: the scan of the paper certificate, inside the encrypted vault (a BLOB, never
//    a file beside it), its type proven by magic bytes before it gets here.
// 3. outbox: a message may now be about an incoming certificate (incoming_id), so the table is
//    rebuilt with a CHECK that exactly one subject is set. submission_receipts references outbox,
//    so it is rebuilt too (SQLite's DROP TABLE would otherwise delete under a foreign key).
//    Every rebuilt outbox row now has a NULL incoming_id column, so its digest changes: each gets
//    one 'audit.cover-existing' event with its digest as it is now (as 0095 and 0180 did).
//    Receipts are copied with the same columns and values, so their digests stand.
// Self-contained on purpose: it writes the event format of its time.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH, eventHash } from '../audit/audit-chain';
import type { CanonicalValue } from '../audit/canonical-json';
import { digestOf } from '../audit/entity-digest';
import type { Migration } from './migration';

function coverRebuiltOutboxRows(db: Database, at: string): void {
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
  const rows = db.prepare('SELECT * FROM outbox ORDER BY id').all() as (Record<
    string,
    CanonicalValue
  > & { id: number })[];
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
    insert.run(seq, at, entityId, fields.entityDigest, prevHash, hash);
    prevHash = hash;
  }
}

export const migration0250: Migration = {
  version: 250,
  name: 'incoming-certificates',
  up: (db) => {
    db.exec(`
      CREATE TABLE incoming_certificates (
        id INTEGER PRIMARY KEY,
        -- As printed, without spaces or dashes; two letters (the exporting Participant's ISO
        -- code) then letters and digits. Never "US": the United States is the importer here.
        number TEXT NOT NULL UNIQUE
          CHECK (number GLOB '[A-Z][A-Z]*' AND length(number) BETWEEN 5 AND 32
                 AND number NOT GLOB '*[^A-Z0-9]*' AND substr(number, 1, 2) <> 'US'),
        exporting_participant TEXT NOT NULL CHECK (length(exporting_participant) = 2),
        issuing_authority TEXT NOT NULL CHECK (issuing_authority <> ''),
        date_of_issue TEXT NOT NULL,
        date_of_expiry TEXT NOT NULL CHECK (date_of_expiry > date_of_issue),
        importer_name TEXT NOT NULL CHECK (importer_name <> ''),
        importer_address TEXT NOT NULL CHECK (importer_address <> ''),
        exporter_name TEXT NOT NULL CHECK (exporter_name <> ''),
        exporter_address TEXT NOT NULL CHECK (exporter_address <> ''),
        parcels INTEGER NOT NULL CHECK (parcels >= 1),
        carats_hundredths INTEGER NOT NULL CHECK (carats_hundredths >= 1),
        value_cents INTEGER NOT NULL CHECK (value_cents >= 1),
        hs_codes_json TEXT NOT NULL,
        origins_json TEXT NOT NULL,
        port_of_entry TEXT NOT NULL CHECK (port_of_entry <> ''),
        date_of_entry TEXT NOT NULL CHECK (date_of_entry >= date_of_issue),
        receipt_due_on TEXT NOT NULL,
        receipt_sent_on TEXT CHECK (receipt_sent_on IS NULL OR receipt_sent_on >= date_of_entry),
        receipt_sent_by INTEGER REFERENCES users (id),
        receipt_recorded_at TEXT,
        registered_at TEXT NOT NULL,
        registered_by INTEGER NOT NULL REFERENCES users (id),
        CHECK ((receipt_sent_on IS NULL) = (receipt_sent_by IS NULL)),
        CHECK ((receipt_sent_on IS NULL) = (receipt_recorded_at IS NULL))
      ) STRICT;
      -- The list in Records and the statistics read by date of entry.
      CREATE INDEX incoming_by_entry ON incoming_certificates (date_of_entry, id);

      CREATE TABLE incoming_scans (
        id INTEGER PRIMARY KEY,
        incoming_id INTEGER NOT NULL REFERENCES incoming_certificates (id),
        file_name TEXT NOT NULL CHECK (file_name <> ''),
        media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        size INTEGER NOT NULL CHECK (size >= 1),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        content BLOB NOT NULL,
        added_at TEXT NOT NULL,
        added_by INTEGER NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX incoming_scans_by_certificate ON incoming_scans (incoming_id, id);

      CREATE TABLE outbox_0250 (
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
        incoming_id INTEGER REFERENCES incoming_certificates (id),
        CHECK ((certificate_id IS NOT NULL) + (stock_number IS NOT NULL)
               + (incoming_id IS NOT NULL) = 1),
        CHECK ((audit_head_seq IS NULL) = (audit_head_hash IS NULL)),
        CHECK ((delivered_at IS NOT NULL) = (status IN ('delivered', 'delivered_with_warnings'))),
        UNIQUE (recipient, idempotency_key)
      ) STRICT;
      INSERT INTO outbox_0250 (id, certificate_id, stock_number, recipient, reason, payload_json,
                               status, attempts, created_at, idempotency_key, next_due_at,
                               last_attempt_at, last_error_code, last_error, audit_head_seq,
                               audit_head_hash, delivered_at)
        SELECT id, certificate_id, stock_number, recipient, reason, payload_json, status,
               attempts, created_at, idempotency_key, next_due_at, last_attempt_at,
               last_error_code, last_error, audit_head_seq, audit_head_hash, delivered_at
          FROM outbox;
      CREATE TABLE submission_receipts_0250 (
        id INTEGER PRIMARY KEY,
        outbox_id INTEGER NOT NULL UNIQUE REFERENCES outbox_0250 (id),
        receipt_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('accepted', 'accepted-with-warnings')),
        signed_receipt_json TEXT NOT NULL,
        stored_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO submission_receipts_0250 (id, outbox_id, receipt_id, received_at, status,
                                            signed_receipt_json, stored_at)
        SELECT id, outbox_id, receipt_id, received_at, status, signed_receipt_json, stored_at
          FROM submission_receipts;
      DROP TABLE submission_receipts;
      DROP TABLE outbox;
      ALTER TABLE outbox_0250 RENAME TO outbox;
      ALTER TABLE submission_receipts_0250 RENAME TO submission_receipts;
      CREATE INDEX outbox_pending ON outbox (status, created_at);
      CREATE INDEX outbox_by_certificate ON outbox (certificate_id);
      CREATE INDEX outbox_due ON outbox (next_due_at, id) WHERE status IN ('pending', 'failed');
      CREATE INDEX outbox_by_incoming ON outbox (incoming_id) WHERE incoming_id IS NOT NULL;
    `);
    coverRebuiltOutboxRows(db, new Date().toISOString());
  },
};
