// The external references of certificates issued in bulk (issue 15, `kpdesk issue-batch`): a
// carrier's shipping system names each row of a batch with its own reference (an order or
// shipment id), and KP Desk records, in the same transaction as the issue, which certificate that
// reference became. Re-running a batch after a crash then finds the reference and reports the
// certificate instead of issuing a second one: a shipment never gets two certificates, and no
// form number is spent twice (31 CFR 592.307(c)). A reference names one certificate forever
// (PRIMARY KEY), and a certificate has at most one reference (UNIQUE). Rows are never deleted.
import type { Migration } from './migration';

export const migration0130: Migration = {
  version: 130,
  name: 'issue-references',
  up: (db) => {
    db.exec(`
      CREATE TABLE issue_references (
        -- As the shipping system wrote it (trimmed): compared exactly, letter case included.
        reference TEXT PRIMARY KEY CHECK (length(reference) BETWEEN 1 AND 100),
        certificate_id INTEGER NOT NULL UNIQUE REFERENCES certificates (id),
        -- Where it came from: the batch file's name and its row (1 = the first data row).
        batch_file TEXT NOT NULL CHECK (length(batch_file) BETWEEN 1 AND 255),
        batch_row INTEGER NOT NULL CHECK (batch_row >= 1),
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users (id)
      ) STRICT;
    `);
  },
};
