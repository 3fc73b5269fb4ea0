// Which layout a record-import file is in, and its rows. JSON is KP Desk's bulk layout. A CSV
// file is USKPA's export when its header has USKPA's own column names (licensee__name and
// harmonized_code__value are written by no other layout), else the bulk layout; a header mixing
// the two refuses the file, naming the column, before anything is imported.
import { USKPA_CSV_COLUMNS } from '../reports/uskpa-certificates-csv';
import {
  importRecordColumns,
  requiredImportRecordColumns,
} from '../../../shared/records/import-record-row';
import type { TableRow } from '../table-files/read-table-rows';
import { readTableRows, tableFormatOf } from '../table-files/read-table-rows';
import type { ImportLayout } from './check-import-row';

const USKPA_MARKERS = ['licensee__name', 'harmonized_code__value'];

function looksLikeUskpa(bytes: Buffer): boolean {
  const firstLine = bytes.subarray(0, 4096).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
  return USKPA_MARKERS.some((marker) => firstLine.includes(marker));
}

export function readImportFile(
  bytes: Buffer,
  fileName: string,
): { layout: ImportLayout; rows: TableRow[] } {
  const format = tableFormatOf(fileName);
  if (format === 'csv' && looksLikeUskpa(bytes)) {
    const table = readTableRows(bytes, fileName, {
      columns: USKPA_CSV_COLUMNS,
      required: ['number', 'status'],
    });
    return { layout: 'uskpa-csv', rows: table.rows };
  }
  const table = readTableRows(bytes, fileName, {
    columns: importRecordColumns,
    required: format === 'csv' ? requiredImportRecordColumns : [],
  });
  return { layout: format === 'csv' ? 'bulk-csv' : 'bulk-json', rows: table.rows };
}
