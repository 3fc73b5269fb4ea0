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
import { certificateOfRow, readBatchRow } from './check-batch-row';
import type { BatchWriters, ReadyRow } from './commit-batch-row';
import { alreadyIssuedOutcome } from './commit-batch-row';
import { createIssueReferenceRepository } from './issue-reference-repository';
import type { NumberSource } from './stock-numbers';

export type Checked =
  { kind: 'outcome'; outcome: BatchOutcome } | { kind: 'ready'; ready: ReadyRow };

/** Every check of one row that writes nothing: shape, reference, form number, rules, PDF path. */
export function checkRow(
  options: IssueBatchOptions,
  tableRow: TableRow,
  format: 'csv' | 'json',
  firstRowOf: Map<string, number>,
  numbers: NumberSource,
): Checked {
  const read = readBatchRow(tableRow, format, firstRowOf);
  if (!read.ok) return { kind: 'outcome', outcome: read.outcome };
  const { where, row } = read;
  const existing = createIssueReferenceRepository(options.db).get(row.reference);
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
  const settings = options.services.settings.validation();
  const licensee = options.services.licensee.get();
  const checked = certificateOfRow(row, number.number, {
    purpose: 'issue',
    settings,
    ...(licensee === null
      ? {}
      : { licensee: { name: licensee.legalName, isCommonCarrier: licensee.isCommonCarrier } }),
  });
  if (!checked.ok)
    return {
      kind: 'outcome',
      outcome: refusedOutcome(where, 'CERTIFICATE_HAS_ERRORS', checked.problems),
    };
  if (existsSync(join(options.outDir, `${number.number}.pdf`)))
    return {
      kind: 'outcome',
      outcome: refusedOutcome(where, 'CONFLICT', [
        {
          field: 'number',
          message: `${number.number}.pdf already exists in the output folder; it is never overwritten.`,
        },
      ]),
    };
  return {
    kind: 'ready',
    ready: { where, row, number: number.number, certificate: checked.certificate },
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
      : fields.map(([field, message]) => ({ field, message: `${error.error.message} ${message}` })),
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
