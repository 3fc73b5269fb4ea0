// The mark of a record imported from elsewhere (issue 15 part 3, migration 0245), as the app's
// record views show it: which file and row it came from, when and by whom it was imported. Such
// a record was never signed by KP Desk (record-import/imported-record-store.ts), and the Records
// list, the certificate page and its documents panel say so.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ImportMark } from '../../../shared/records/record-outputs';

type MarkRow = {
  source_file: string;
  source_row: number;
  source_format: ImportMark['format'];
  imported_at: string;
  imported_by: string | null;
};

export type ImportMarks = ReturnType<typeof createImportMarks>;

export function createImportMarks(db: Database) {
  const markOf = db.prepare<[number], MarkRow>(
    `SELECT r.source_file, r.source_row, r.source_format, r.imported_at,
            u.display_name AS imported_by
       FROM record_imports AS r LEFT JOIN users AS u ON u.id = r.imported_by
      WHERE r.certificate_id = ?`,
  );
  // One query per page of the list, by primary key: the hot list query itself stays as it was.
  const importedAmong = db.prepare<[string], number>(
    `SELECT certificate_id FROM record_imports
      WHERE certificate_id IN (SELECT value FROM json_each(?))`,
  );
  return {
    of: (certificateId: number): ImportMark | null => {
      const row = markOf.get(certificateId);
      return row === undefined
        ? null
        : {
            file: row.source_file,
            row: row.source_row,
            format: row.source_format,
            importedAt: row.imported_at,
            importedBy: row.imported_by ?? 'an unknown user',
          };
    },
    /** The ids among these that are imported records. */
    among: (ids: readonly number[]): ReadonlySet<number> =>
      ids.length === 0 ? new Set() : new Set(importedAmong.pluck().all(JSON.stringify(ids))),
  };
}
