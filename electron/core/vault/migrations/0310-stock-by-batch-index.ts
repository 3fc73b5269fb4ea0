// The rows of one stock batch in digits order, from an index alone (issue 13, part 6). Since a
// registration writes one audit event for its whole range (audit/stock-range-digest.ts), the
// writer digests the batch's rows as it registers them and the verification digests each range
// again: both read `stock WHERE batch_id = ? ORDER BY digits`, which without this index is a scan
// of the whole stock table per range. (batch_id, digits, number) holds every column the range's
// projection reads, so the table itself is not read. An index changes no row, so no audit digest
// changes (entity-digest.ts digests rows, not indexes).
import type { Migration } from './migration';

export const migration0310: Migration = {
  version: 310,
  name: 'stock-by-batch-index',
  up: (db) => {
    db.exec('CREATE INDEX stock_by_batch ON stock (batch_id, digits, number);');
  },
};
