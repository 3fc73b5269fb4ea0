// Records imported from elsewhere (issue 15, `kpdesk import-records`): certificates a licensee
// issued before KP Desk, on paper or through USKPA's database, brought into the vault so that the
// ten-year record duty (31 CFR 501.601; 15 CFR 30.10) and the reviews and statistics cover them.
// A certificate is imported if and only if it has a row here, which names the file and the row it
// came from and who imported it. The mark lives in its own table, not in a new column of
// `certificates`: a new column would change the audit digest of every existing certificate row
// (entity-digest.ts digests SELECT *), and the verification would then report them all changed.
// Rows are never deleted; the table is an audit entity type ('record_import').
import type { Migration } from './migration';

export const migration0245: Migration = {
  version: 245,
  name: 'record-imports',
  up: (db) => {
    db.exec(`
      CREATE TABLE record_imports (
        certificate_id INTEGER PRIMARY KEY REFERENCES certificates (id),
        -- The imported file's name (not its folder) and the row (1 = the first data row).
        source_file TEXT NOT NULL CHECK (length(source_file) BETWEEN 1 AND 255),
        source_row INTEGER NOT NULL CHECK (source_row >= 1),
        source_format TEXT NOT NULL CHECK (source_format IN ('uskpa-csv', 'bulk-csv', 'bulk-json')),
        -- sha256 of the row's cells as read (canonical JSON): what the record was made from.
        row_sha256 TEXT NOT NULL CHECK (length(row_sha256) = 64),
        imported_at TEXT NOT NULL,
        imported_by INTEGER NOT NULL REFERENCES users (id)
      ) STRICT;
    `);
  },
};
