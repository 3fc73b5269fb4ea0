// The steps both modes of a bulk issue share: every check of a row that writes nothing, a
// refusal from the core turned into the row's outcome, and the writers of a row's commit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeCertificateNumber } from '../../../shared/domain/certificate-number';
import { AppFailure } from '../app-failure';
import { createAuditWriter } from '../vault/audit/audit-chain';
import type { TableRow } from '../table-files/read-table-rows';
import type { BatchOutcome } from './batch-outcome';
import { refusedOutcome } from './batch-outcome';
import type { IssueBatchOptions } from './batch-options';
import type { Where } from './check-batch-row';
import { certificateOfRow, columnOfField, readBatchRow } from './check-batch-row';
import type { BatchWriters, ReadyRow } from './commit-batch-row';
import { alreadyIssuedOutcome } from './commit-batch-row';
import type { IssueReferenceRepository } from './issue-reference-repository';
import { createIssueReferenceRepository } from './issue-reference-repository';
import type { NumberSource } from './stock-numbers';

export type Checked =
  { kind: 'outcome'; outcome: BatchOutcome } | { kind: 'ready'; ready: ReadyRow };

/**
 * Every check of one row that writes nothing: shape, reference, form number, every rule from
 * draft to issue, PDF path. A refused row gives its form number back to `numbers`.
 */
export function createRowChecker(
  options: IssueBatchOptions,
  format: 'csv' | 'json',
  numbers: NumberSource,
): (tableRow: TableRow) => Checked {
  const firstRowOf = new Map<string, number>();
  const references = createIssueReferenceRepository(options.db);
  return (tableRow) => checkRow(options, tableRow, format, { firstRowOf, numbers, references });
}

function checkRow(
  options: IssueBatchOptions,
  tableRow: TableRow,
  format: 'csv' | 'json',
  state: {
    firstRowOf: Map<string, number>;
    numbers: NumberSource;
    references: IssueReferenceRepository;
  },
): Checked {
  const { firstRowOf, numbers } = state;
  const read = readBatchRow(tableRow, format, firstRowOf);
  if (!read.ok) return { kind: 'outcome', outcome: read.outcome };
  const { where, row } = read;
  const existing = state.references.get(row.reference);
  if (existing !== null)
    return {
      kind: 'outcome',
      outcome: alreadyIssuedOutcome(options.services, where, existing, options.outDir),
    };
  const typed = normalizeCertificateNumber(row.number);
  const number = numbers.take(typed);
  if (!number.ok)
    return {
      kind: 'outcome',
      outcome: refusedOutcome(where, 'STOCK_NUMBER_UNAVAILABLE', [
        { field: 'number', message: number.message },
      ]),
    };
  const checked = certificateOfRow(options.services.issuance.checkIssue, row, number.number);
  if (!checked.ok) {
    numbers.release(number.number);
    return {
      kind: 'outcome',
      outcome: refusedOutcome(where, checked.code, checked.problems),
    };
  }
  if (existsSync(join(options.outDir, `${number.number}.pdf`))) {
    numbers.release(number.number);
    return {
      kind: 'outcome',
      outcome: refusedOutcome(where, 'CONFLICT', [
        {
          field: 'number',
          message: `${number.number}.pdf already exists in the output folder; it is never overwritten.`,
        },
      ]),
    };
  }
  return {
    kind: 'ready',
    ready: { where, row, number: number.number, checked: checked.checked },
  };
}

export function failureOutcome(where: Where, error: unknown): BatchOutcome {
  if (!(error instanceof AppFailure)) throw error;
  const fields = Object.entries(error.error.fields ?? {});
  return refusedOutcome(
    where,
    error.error.code,
    fields.length === 0
      ? [{ field: null, message: error.error.message }]
      : fields.map(([field, message]) => ({
          // The core names a field by its path in the draft; the row names it by its column.
          field: columnOfField(field) ?? field,
          message: `${error.error.message} ${message}`,
        })),
  );
}

export function writers(options: IssueBatchOptions): BatchWriters {
  return {
    services: options.services,
    documents: options.documents,
    references: createIssueReferenceRepository(options.db),
    audit: createAuditWriter(options.db, options.now),
    actor: options.actor,
    now: options.now,
    batchFile: options.file.name,
  };
}

export function issuedOutcome(
  ready: ReadyRow,
  certificateId: number,
  state: string,
  pdf: string,
): BatchOutcome {
  return { ...ready.where, outcome: 'issued', certificateId, number: ready.number, state, pdf };
}
