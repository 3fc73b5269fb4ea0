// What `kpdesk import-records` reports for each row of a file: one line of the result file
// (docs/import-format.md, "Importing records"), like issue-batch's. A refused row names the column
// and the rule that refused it, with the rule's source; an imported row lists the warnings the
// record carries (rules about the shipment's compliance at the time, which do not refuse a record
// of the past: shared/records/historical-record.ts).
import type { ErrorCode } from '../../../shared/errors';
import type { RowProblem } from '../bulk-issue/batch-outcome';

export type { RowProblem } from '../bulk-issue/batch-outcome';

export type ImportWhere = { row: number; line: number | null; number: string | null };

export type ImportOutcome =
  | (ImportWhere & {
      outcome: 'imported';
      certificateId: number;
      number: string;
      state: string;
      warnings: RowProblem[];
    })
  | (ImportWhere & {
      /** Imported before from a file of the same name (a re-run): never imported twice. */
      outcome: 'already-imported';
      certificateId: number;
      number: string;
      state: string;
      importedFrom: { file: string; row: number };
    })
  | (ImportWhere & {
      outcome: 'refused';
      code: ErrorCode;
      field: string | null;
      rule: string;
      problems: RowProblem[];
    })
  | (ImportWhere & {
      /** A row that is not a certificate record: USKPA's "Available" is a blank form. */
      outcome: 'skipped';
      reason: string;
    })
  | (ImportWhere & {
      /** --all-or-nothing: this row was fine, but another row refused the whole file. */
      outcome: 'not-imported';
      reason: string;
    });

export function refusedImport(
  where: ImportWhere,
  code: ErrorCode,
  problems: readonly RowProblem[],
): ImportOutcome {
  const [first] = problems;
  return {
    ...where,
    outcome: 'refused',
    code,
    field: first?.field ?? null,
    rule:
      first === undefined
        ? 'Refused.'
        : `${first.message}${first.source === undefined ? '' : ` (${first.source})`}`,
    problems: [...problems],
  };
}

export type ImportSummary = {
  rows: number;
  imported: number;
  alreadyImported: number;
  refused: number;
  skipped: number;
  notImported: number;
};
