// E-mail over implicit TLS (issue 12): a mail recipient's server may now be smtps://host:port
// (TLS from the first byte, port 465, RFC 8314) as well as smtp:// (STARTTLS, RFC 3207). The
// CHECKs of 0180 accept only 'smtp://%', and SQLite cannot change a CHECK in place, so
// submission_recipients is rebuilt with the same columns in the same order (demo from 0230 last)
// and the rows copied unchanged. The rows' digests (SELECT * as canonical JSON) do not change,
// so their latest audit events still vouch for them: no cover event is needed.
import type { Migration } from './migration';

export const migration0270: Migration = {
  version: 270,
  name: 'submission-mail-implicit-tls',
  up: (db) => {
    db.exec(`
      CREATE TABLE submission_recipients_0270 (
        recipient TEXT PRIMARY KEY CHECK (recipient IN ('census', 'uskpa')),
        channel TEXT NOT NULL CHECK (channel IN ('https', 'smtp', 'manual')),
        url TEXT CHECK (url IS NULL OR url LIKE 'https://%' OR url LIKE 'smtp://%'
          OR url LIKE 'smtps://%'),
        ca_pem TEXT,
        client_cert_pem TEXT,
        client_key_pem TEXT,
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users (id),
        mail_to TEXT,
        mail_from TEXT,
        smtp_username TEXT,
        smtp_password TEXT,
        demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
        CHECK (channel <> 'https' OR (url LIKE 'https://%' AND ca_pem IS NOT NULL
          AND client_cert_pem IS NOT NULL AND client_key_pem IS NOT NULL)),
        CHECK (channel <> 'smtp' OR ((url LIKE 'smtp://%' OR url LIKE 'smtps://%')
          AND mail_to IS NOT NULL AND client_cert_pem IS NULL AND client_key_pem IS NULL)),
        CHECK ((smtp_username IS NULL) = (smtp_password IS NULL)),
        CHECK (channel = 'smtp' OR (mail_to IS NULL AND mail_from IS NULL
          AND smtp_username IS NULL))
      ) STRICT;
      INSERT INTO submission_recipients_0270 (recipient, channel, url, ca_pem, client_cert_pem,
          client_key_pem, updated_at, updated_by, mail_to, mail_from, smtp_username,
          smtp_password, demo)
        SELECT recipient, channel, url, ca_pem, client_cert_pem, client_key_pem, updated_at,
               updated_by, mail_to, mail_from, smtp_username, smtp_password, demo
          FROM submission_recipients;
      DROP TABLE submission_recipients;
      ALTER TABLE submission_recipients_0270 RENAME TO submission_recipients;
    `);
  },
};
