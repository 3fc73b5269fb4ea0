// One row of a record-import file in KP Desk's bulk layout (shared/records/import-record-row.ts)
// read as a historical record; each problem names its column.
import type { HistoricalRecord } from '../../../shared/records/historical-record';
import {
  ImportRecordRowSchema,
  historicalRecordOfRow,
  importColumnOf,
} from '../../../shared/records/import-record-row';
import { batchRowFromCsvCells } from '../../../shared/records/issue-batch-row';
import { normalizeCertificateNumber } from '../../../shared/domain/certificate-number';
import type { RowProblem } from './import-outcome';

export type BulkReading =
  | { kind: 'record'; record: HistoricalRecord; number: string }
  | { kind: 'problems'; number: string | null; problems: RowProblem[] };

export function readBulkRow(cells: Record<string, unknown>, format: 'csv' | 'json'): BulkReading {
  const typed = typeof cells.number === 'string' ? normalizeCertificateNumber(cells.number) : '';
  const named = typed === '' ? null : typed;
  const input = format === 'csv' ? batchRowFromCsvCells(cells as Record<string, string>) : cells;
  const parsed = ImportRecordRowSchema.safeParse(input);
  if (!parsed.success)
    return {
      kind: 'problems',
      number: named,
      problems: parsed.error.issues.map((issue) => ({
        field: typeof issue.path[0] === 'string' ? issue.path[0] : null,
        message: issue.message,
      })),
    };
  const row = { ...parsed.data, number: normalizeCertificateNumber(parsed.data.number) };
  const read = historicalRecordOfRow(row);
  if (!read.ok)
    return {
      kind: 'problems',
      number: named,
      problems: read.problems.map((p) => ({ field: importColumnOf(p.field), message: p.message })),
    };
  return { kind: 'record', record: read.record, number: row.number };
}
