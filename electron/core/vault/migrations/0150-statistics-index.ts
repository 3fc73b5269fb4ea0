// A covering index for the statistics (issue 14, electron/core/reports/): the certificates of a
// period by date of issue (the KP statistics count certificates issued in the period; see
// reports/statistics-basis.ts), with every column the statistics read, so that a quarter or a
// year is one range of index entries and no table row is read (bench/reports-bench.ts). The
// statistics query names it (INDEXED BY), so renaming it breaks that query loudly. No data moves.
import type { Migration } from './migration';

export const migration0150: Migration = {
  version: 150,
  name: 'statistics-index',
  up: (db) => {
    db.exec(`
      CREATE INDEX certificates_statistics
        ON certificates (date_of_issue, state, hs_code, destination_country, carat_hundredths, value_cents);
    `);
  },
};
