// The licensee's signing identity and seal key, kept inside the encrypted vault (SQLCipher
// encrypts every page, so the private keys are never on disk in clear and never leave the
// process that holds the vault). Identities are never deleted: when a new one is generated or
// imported the old one is retired, because documents it signed must stay verifiable for the
// ten-year retention period (31 CFR 501.601). At most one identity and one seal key are active.
import type { Migration } from './migration';

export const migration0050: Migration = {
  version: 50,
  name: 'signing-identity',
  up: (db) => {
    db.exec(`
      CREATE TABLE signing_identities (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('generated', 'imported')),
        -- PKCS#8 PrivateKeyInfo, DER.
        private_key BLOB NOT NULL,
        -- The signer's certificate first, then its issuers: PEM blocks, one after the other.
        certificate_chain_pem TEXT NOT NULL,
        -- PKCS#10 request (PEM) for a generated key, to send to a certification authority.
        certification_request_pem TEXT,
        -- Printed in the visible signature: "Digitally signed by <signer_name>".
        signer_name TEXT NOT NULL,
        fingerprint_sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users (id),
        retired_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX signing_identities_one_active
        ON signing_identities ((retired_at IS NULL)) WHERE retired_at IS NULL;

      -- The QR seal's ECDSA P-256 key (docs/seal.md), separate from the signing identity so a
      -- new signing certificate does not invalidate seals already printed.
      CREATE TABLE seal_keys (
        id INTEGER PRIMARY KEY,
        private_key BLOB NOT NULL,
        public_key BLOB NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users (id),
        retired_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX seal_keys_one_active
        ON seal_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
    `);
  },
};
