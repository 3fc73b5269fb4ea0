// What `kpdesk issue-batch` reports for each row of a batch: one line of the result file
// (docs/import-format.md, "Result file"). A refused row names the column and the rule that
// refused it, with the rule's source, so a shipping system can show it next to its own record.
import type { ErrorCode } from '../../../shared/errors';

export type RowProblem = {
  /** The batch column (e.g. "consigneeAddress"), or null for the row as a whole. */
  field: string | null;
  message: string;
  /** The regulation or guidance the rule comes from, when it is a certificate rule. */
  source?: string;
};

type Where = { row: number; line: number | null; reference: string | null };

export type BatchOutcome =
  | (Where & {
      outcome: 'issued';
      certificateId: number;
      number: string;
      state: string;
      pdf: string;
    })
  | (Where & {
      /** Issued earlier (by this batch before a crash, or another): never issued again. */
      outcome: 'already-issued';
      certificateId: number;
      number: string;
      state: string;
      /** The PDF in the output folder (written again from the vault when it was missing). */
      pdf: string | null;
      note?: string;
    })
  | (Where & {
      outcome: 'refused';
      code: ErrorCode;
      /** The first problem's column and message, for a one-line report. */
      field: string | null;
      rule: string;
      problems: RowProblem[];
    })
  | (Where & {
      /** --all-or-nothing: this row was fine, but another row refused the whole batch. */
      outcome: 'not-issued';
      reason: string;
    });

export function refusedOutcome(
  where: Where,
  code: ErrorCode,
  problems: readonly RowProblem[],
): BatchOutcome {
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
