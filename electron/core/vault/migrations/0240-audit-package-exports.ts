// The audit packages exported from this vault (issue 14, electron/core/audit-package/): who
// exported one, when, the chain head it carries and the SHA-256 of the file, so a reviewer who
// receives a package can match it against the licensee's own record, and a package exported and
// never mentioned shows in the audit log. Each row is an audited entity ('audit_package_export',
// entity-digest.ts) written in the transaction that completes the file.
import type { Migration } from './migration';

export const migration0240: Migration = {
  version: 240,
  name: 'audit-package-exports',
  up: (db) => {
    db.exec(`
      CREATE TABLE audit_package_exports (
        id INTEGER PRIMARY KEY,
        exported_at TEXT NOT NULL,
        exported_by INTEGER NOT NULL REFERENCES users (id),
        file_name TEXT NOT NULL,
        package_sha256 TEXT NOT NULL CHECK (length(package_sha256) = 64),
        package_bytes INTEGER NOT NULL CHECK (package_bytes > 0),
        head_seq INTEGER NOT NULL CHECK (head_seq >= 0),
        head_hash TEXT NOT NULL CHECK (length(head_hash) = 64),
        period TEXT,
        signer TEXT NOT NULL
      ) STRICT;
    `);
  },
};
