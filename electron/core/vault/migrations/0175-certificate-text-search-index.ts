// The records list's search by any part of a name, number or ITN (issue 16). A part of a text
// cannot be looked up in an index, so the list reads certificates newest first until its page
// has 50 matches. Read from the table, a rare text made that a read of every row: 5.9–7.6 s at
// 100,000 certificates (bench/records-filter-bench.ts, under load). This index holds, in list
// order (date of issue, then id), every column the list filters on and every text it searches,
// so the search is tested on index entries and only the matching rows are read from the table.
// The list names it (INDEXED BY, certificate-list-query.ts), so renaming it breaks that query
// loudly. No data moves.
import type { Migration } from './migration';

export const migration0175: Migration = {
  version: 175,
  name: 'certificate-text-search-index',
  up: (db) => {
    db.exec(`
      CREATE INDEX certificates_text_search
        ON certificates (date_of_issue, id, state, destination_country, hs_code, number, itn,
          exporter_name, consignee_name);
    `);
  },
};
