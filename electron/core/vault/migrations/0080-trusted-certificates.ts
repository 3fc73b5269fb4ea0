// The trust list kept in the vault (issue 11: "the signer chains to a trust anchor … or a trust
// list configured in settings, e.g. a USKPA or commercial CA"): certificates an administrator
// chose to trust, so a signature whose certificate they issued (or a partner's own signing
// certificate) verifies as trusted. Rows are never deleted: removing a certificate sets
// removed_at, so the record of who trusted what, and when, stays for the retention period
// (31 CFR 501.601) and the audit chain covers every row. A fingerprint is unique among the
// certificates still trusted; a removed certificate may be added again as a new row.
import type { Migration } from './migration';

export const migration0080: Migration = {
  version: 80,
  name: 'trusted-certificates',
  up: (db) => {
    db.exec(`
      CREATE TABLE trusted_certificates (
        id INTEGER PRIMARY KEY,
        -- The X.509 certificate, DER.
        certificate_der BLOB NOT NULL,
        -- SHA-256 of the DER, upper-case hex pairs separated by colons (as Node prints it).
        fingerprint_sha256 TEXT NOT NULL
          CHECK (fingerprint_sha256 GLOB '[0-9A-F][0-9A-F]:*' AND length(fingerprint_sha256) = 95),
        -- The subject, one line ("C=US, O=…, CN=…").
        subject TEXT NOT NULL,
        -- What the administrator calls it ("USKPA root", "Antwerp partner").
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        added_at TEXT NOT NULL,
        added_by INTEGER REFERENCES users (id),
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        CHECK ((removed_at IS NULL) = (removed_by IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX trusted_certificates_active_fingerprint
        ON trusted_certificates (fingerprint_sha256) WHERE removed_at IS NULL;
    `);
  },
};
