// The checks of one batch row that need no write: its shape (BatchRowSchema: the reference,
// packaging and warranty present, lists and the FTZ flag well formed), a reference used twice in
// the same file, and then, with its form number, every certificate rule (the same readCertificate
// as `kpdesk validate`, the app and the issuance service). Each refusal names the batch column.
import type { Certificate } from '../../../shared/domain/certificate';
import { readCertificate } from '../../../shared/domain/certificate';
import { CertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import type { ValidationContext } from '../../../shared/domain/validation-report';
import type { BatchRow } from '../../../shared/records/issue-batch-row';
import {
  BatchRowSchema,
  batchColumnOfField,
  batchRowFromCsvCells,
  draftOfBatchRow,
} from '../../../shared/records/issue-batch-row';
import type { TableRow } from '../table-files/read-table-rows';
import type { BatchOutcome, RowProblem } from './batch-outcome';
import { refusedOutcome } from './batch-outcome';

export type Where = { row: number; line: number | null; reference: string | null };

export type ReadRow =
  { ok: true; where: Where; row: BatchRow } | { ok: false; outcome: BatchOutcome };

const referenceOf = (cells: Record<string, unknown>): string | null =>
  typeof cells.reference === 'string' && cells.reference.trim() !== ''
    ? cells.reference.trim()
    : null;

/** Row shape and reference; `firstRowOf` remembers on which row each reference was first seen. */
export function readBatchRow(
  tableRow: TableRow,
  format: 'csv' | 'json',
  firstRowOf: Map<string, number>,
): ReadRow {
  const base = { row: tableRow.row, line: tableRow.line };
  if ('problem' in tableRow)
    return {
      ok: false,
      outcome: refusedOutcome({ ...base, reference: null }, 'INVALID_INPUT', [
        { field: null, message: tableRow.problem },
      ]),
    };
  const where: Where = { ...base, reference: referenceOf(tableRow.cells) };
  const input =
    format === 'csv'
      ? batchRowFromCsvCells(tableRow.cells as Record<string, string>)
      : tableRow.cells;
  const parsed = BatchRowSchema.safeParse(input);
  if (!parsed.success) {
    const problems: RowProblem[] = parsed.error.issues.map((issue) => ({
      field: typeof issue.path[0] === 'string' ? issue.path[0] : null,
      message: issue.message,
    }));
    return { ok: false, outcome: refusedOutcome(where, 'INVALID_INPUT', problems) };
  }
  const earlier = firstRowOf.get(parsed.data.reference);
  if (earlier !== undefined)
    return {
      ok: false,
      outcome: refusedOutcome(where, 'CONFLICT', [
        {
          field: 'reference',
          message: `The reference "${parsed.data.reference}" is already on row ${String(earlier)} of this file: one certificate per reference.`,
        },
      ]),
    };
  firstRowOf.set(parsed.data.reference, tableRow.row);
  return { ok: true, where, row: parsed.data };
}

export type RowCertificate =
  { ok: true; certificate: Certificate } | { ok: false; problems: RowProblem[] };

/** Every certificate rule, on the row with its form number; error findings refuse the row. */
export function certificateOfRow(
  row: BatchRow,
  number: string,
  context: ValidationContext,
): RowCertificate {
  const drafted = CertificateDraftSchema.safeParse(draftOfBatchRow(row, number));
  if (!drafted.success)
    return {
      ok: false,
      problems: drafted.error.issues.map((issue) => ({
        field: issue.path[0] === 'hsCodes' ? 'hsCode' : null,
        message: issue.message,
      })),
    };
  const reading = readCertificate(drafted.data, context);
  if (reading.certificate !== null) return { ok: true, certificate: reading.certificate };
  return {
    ok: false,
    problems: reading.report.findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => ({
        field: batchColumnOfField[finding.field],
        message: finding.message,
        source: finding.source,
      })),
  };
}
