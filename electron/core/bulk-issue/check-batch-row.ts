// The checks of one batch row that need no write: its shape (BatchRowSchema: the reference,
// packaging and warranty present, lists and the FTZ flag well formed), a reference used twice in
// the same file, and then, with its form number, every rule the issuance service applies from
// draft to issue (issuance/issue-in-one-step.ts checkIssue: the same readCertificate as
// `kpdesk validate` and the app, with today's date and the licensee's facts). Each refusal names
// the batch column.
import type { ErrorCode } from '../../../shared/errors';
import type { CheckedIssue, IssueCheck, IssueRequest } from '../issuance/issue-in-one-step';
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
  { ok: true; checked: CheckedIssue } | { ok: false; code: ErrorCode; problems: RowProblem[] };

/** The batch column of a field the core names by its path in the draft or the issue step. */
export function columnOfField(field: string | null): string | null {
  if (field === null) return null;
  const [head, second] = field.split('.');
  if (head === 'packaging') return second === 'sealNumbers' ? 'sealNumbers' : 'packaging';
  if (head === 'warranty') return second === 'invoiceNumbers' ? 'invoiceNumbers' : 'warranty';
  if (head === 'hsCodes') return 'hsCode';
  const columns: Partial<Record<string, string>> = batchColumnOfField;
  return columns[field] ?? columns[`${head ?? ''}.${second ?? ''}`] ?? columns[head ?? ''] ?? null;
}

/**
 * Every rule of the wizard's draft, ITN and issue steps, once, on the row with its form number
 * (issuance/issue-in-one-step.ts: the same checks the store relies on); each refusal names the
 * batch column.
 */
export function certificateOfRow(
  checkIssue: (request: IssueRequest) => IssueCheck,
  row: BatchRow,
  number: string,
): RowCertificate {
  const check = checkIssue({
    number,
    draft: draftOfBatchRow(row, number),
    packaging: { description: row.packaging, sealNumbers: row.sealNumbers },
    warranty: { statement: row.warranty, invoiceNumbers: row.invoiceNumbers },
  });
  if (check.ok) return check;
  return {
    ok: false,
    code: check.code,
    problems: check.problems.map((problem) => ({
      field: columnOfField(problem.field),
      message: problem.message,
      ...(problem.source === undefined ? {} : { source: problem.source }),
    })),
  };
}
