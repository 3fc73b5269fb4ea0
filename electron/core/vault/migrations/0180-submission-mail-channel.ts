// The e-mail channel (issue 12): a recipient may now be 'smtp' as well as 'https' or 'manual'.
// SQLite cannot change a CHECK in place, so submission_recipients is rebuilt with the mail
// columns: the server URL (smtp://host:port, STARTTLS required), the address copies go to, the
// sender, the pinned CA (ca_pem, optional for mail) and the optional login, whose password is
// kept only here, in the encrypted vault, like the client key of the HTTPS channel.
// The rebuilt rows have new (NULL) columns, so their digest changes: each existing row gets one
// 'audit.cover-existing' event with its digest as it is now (the chain vouches for the row from
// here on, exactly as 0095 did). Self-contained on purpose: it writes the event format of its time.
// Receipts need no new column: the stored JSON of an e-mail or manual receipt names its channel
// ("channel": "smtp" | "manual"); a signed HTTPS receipt is stored exactly as received.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH, eventHash } from '../audit/audit-chain';
import type { CanonicalValue } from '../audit/canonical-json';
import { digestOf } from '../audit/entity-digest';
import type { Migration } from './migration';

function coverRebuiltRows(db: Database, at: string): void {
  const last = db
    .prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )
    .get();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const insert = db.prepare(
    `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest,
       prev_hash, hash) VALUES (?, ?, NULL, 'audit.cover-existing', 'submission_recipient', ?, ?, ?, ?)`,
  );
  const rows = db
    .prepare('SELECT * FROM submission_recipients ORDER BY recipient')
    .all() as (Record<string, CanonicalValue> & { recipient: string })[];
  for (const row of rows) {
    seq += 1;
    const fields = {
      seq,
      at,
      userId: null,
      action: 'audit.cover-existing',
      entityType: 'submission_recipient',
      entityId: row.recipient,
      entityDigest: digestOf(row),
    };
    const hash = eventHash(prevHash, fields);
    insert.run(seq, at, row.recipient, fields.entityDigest, prevHash, hash);
    prevHash = hash;
  }
}

export const migration0180: Migration = {
  version: 180,
  name: 'submission-mail-channel',
  up: (db) => {
    db.exec(`
      CREATE TABLE submission_recipients_0180 (
        recipient TEXT PRIMARY KEY CHECK (recipient IN ('census', 'uskpa')),
        channel TEXT NOT NULL CHECK (channel IN ('https', 'smtp', 'manual')),
        url TEXT CHECK (url IS NULL OR url LIKE 'https://%' OR url LIKE 'smtp://%'),
        ca_pem TEXT,
        client_cert_pem TEXT,
        client_key_pem TEXT,
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users (id),
        mail_to TEXT,
        mail_from TEXT,
        smtp_username TEXT,
        smtp_password TEXT,
        CHECK (channel <> 'https' OR (url LIKE 'https://%' AND ca_pem IS NOT NULL
          AND client_cert_pem IS NOT NULL AND client_key_pem IS NOT NULL)),
        CHECK (channel <> 'smtp' OR (url LIKE 'smtp://%' AND mail_to IS NOT NULL
          AND client_cert_pem IS NULL AND client_key_pem IS NULL)),
        CHECK ((smtp_username IS NULL) = (smtp_password IS NULL)),
        CHECK (channel = 'smtp' OR (mail_to IS NULL AND mail_from IS NULL
          AND smtp_username IS NULL))
      ) STRICT;
      INSERT INTO submission_recipients_0180 (recipient, channel, url, ca_pem, client_cert_pem,
                                              client_key_pem, updated_at, updated_by)
        SELECT recipient, channel, url, ca_pem, client_cert_pem, client_key_pem, updated_at,
               updated_by FROM submission_recipients;
      DROP TABLE submission_recipients;
      ALTER TABLE submission_recipients_0180 RENAME TO submission_recipients;
    `);
    coverRebuiltRows(db, new Date().toISOString());
  },
};
