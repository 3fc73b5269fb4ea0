// Where each agency's copies go (issue 12): one row per recipient, the licensee's own settings,
// so they live in the encrypted vault (the client key included, like the signing key) and every
// change has an audit event. 'https' needs the URL, the recipient's CA (pinned: the only one
// trusted for that server and its receipts) and the client certificate and key (mutual TLS);
// 'manual' (fax, Census's secure file transfer) needs none. No row: not configured, nothing sent.
import type { Migration } from './migration';

export const migration0120: Migration = {
  version: 120,
  name: 'submission-recipients',
  up: (db) => {
    db.exec(`
      CREATE TABLE submission_recipients (
        recipient TEXT PRIMARY KEY CHECK (recipient IN ('census', 'uskpa')),
        channel TEXT NOT NULL CHECK (channel IN ('https', 'manual')),
        url TEXT CHECK (url IS NULL OR url LIKE 'https://%'),
        ca_pem TEXT,
        client_cert_pem TEXT,
        client_key_pem TEXT,
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users (id),
        CHECK (channel = 'manual' OR (url IS NOT NULL AND ca_pem IS NOT NULL
          AND client_cert_pem IS NOT NULL AND client_key_pem IS NOT NULL))
      ) STRICT;
    `);
  },
};
