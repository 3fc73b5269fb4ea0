// Bulk issue (issue 15, `kpdesk issue-batch`): many certificates from one CSV or JSON file
// (docs/import-format.md), on the same services as `kpdesk issue` and the app.
//
// Row by row (the default): each row is checked, signed, and committed in its own transaction
// with its external reference, then its PDF is written. A bad row stores nothing and the others
// go on. A crash loses at most the row in flight: re-running the file finds every committed
// reference and reports it instead of issuing it again (issue_references, migration 0130).
//
// All or nothing (--all-or-nothing): every row is checked and signed first; one refusal refuses
// the whole batch, and otherwise all rows commit in ONE transaction, so a crash leaves either no
// certificate of the batch or all of them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { normalizeCertificateNumber } from '../../../shared/domain/certificate-number';
import { batchColumns, requiredBatchColumns } from '../../../shared/records/issue-batch-row';
import { AppFailure } from '../app-failure';
import type { Actor } from '../issuance/actor';
import { WRITERS } from '../issuance/actor';
import { writeFileAtomically } from '../vault/document-files';
import type { PreparedDocument } from '../vault/document-operations';
import type { TableRow } from '../table-files/read-table-rows';
import { readTableRows } from '../table-files/read-table-rows';
import type { BatchOutcome } from './batch-outcome';
import { refusedOutcome } from './batch-outcome';
import type { Where } from './check-batch-row';
import { certificateOfRow, readBatchRow } from './check-batch-row';
import type { BatchWriters, ReadyRow } from './commit-batch-row';
import { alreadyIssuedOutcome, commitBatchRow } from './commit-batch-row';
import { createIssueReferenceRepository } from './issue-reference-repository';
import type { NumberSource } from './stock-numbers';
import { createNumberSource } from './stock-numbers';
import { createAuditWriter } from '../vault/audit/audit-chain';
import type { DocumentOperations } from '../vault/document-operations';
import type { VaultServices } from '../vault/vault-services';

export type BatchProgress = {
  phase: 'issue' | 'check' | 'sign' | 'store';
  done: number;
  total: number;
};

export type IssueBatchOptions = {
  db: Database;
  services: VaultServices;
  documents: DocumentOperations;
  actor: Actor;
  now: () => Date;
  /** The batch file's bytes and its name (recorded with each reference). */
  file: { bytes: Buffer; name: string };
  /** Where the signed PDFs go, as <number>.pdf; an existing file is never overwritten. */
  outDir: string;
  allOrNothing: boolean;
  /** Each row's outcome as soon as it is final (row by row: right after its commit). */
  onOutcome: (outcome: BatchOutcome) => void;
  /** Called once the file is read, with its number of rows, before the first row. */
  onRows?: (total: number) => void;
  onProgress?: (progress: BatchProgress) => void;
};

export type BatchSummary = {
  rows: number;
  issued: number;
  alreadyIssued: number;
  refused: number;
  notIssued: number;
};

/** What would refuse every row: checked once, before the first row, so nothing starts. */
function assertCanIssue(options: IssueBatchOptions): void {
  if (!WRITERS.includes(options.actor.role))
    throw new AppFailure(
      'FORBIDDEN',
      'A reviewer cannot issue certificates. Ask an operator or an administrator.',
    );
  if (options.services.licensee.get() === null)
    throw new AppFailure(
      'NOT_FOUND',
      'Enter your licensee profile (legal name, address, TIN) before issuing certificates.',
      { licensee: 'The licensee profile is missing.' },
    );
  if (options.documents.identity.get(options.actor) === null)
    throw new AppFailure(
      'IDENTITY_INVALID',
      'There is no signing identity yet. An administrator must generate or import one first (kpdesk identity generate).',
    );
}

type Checked = { kind: 'outcome'; outcome: BatchOutcome } | { kind: 'ready'; ready: ReadyRow };

/** Every check of one row that writes nothing: shape, reference, form number, rules, PDF path. */
function checkRow(
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

function failureOutcome(where: Where, error: unknown): BatchOutcome {
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

function writers(options: IssueBatchOptions): BatchWriters {
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

function issuedOutcome(
  ready: ReadyRow,
  certificateId: number,
  state: string,
  pdf: string,
): BatchOutcome {
  return { ...ready.where, outcome: 'issued', certificateId, number: ready.number, state, pdf };
}

async function rowByRow(
  options: IssueBatchOptions,
  rows: readonly TableRow[],
  format: 'csv' | 'json',
): Promise<void> {
  const firstRowOf = new Map<string, number>();
  const numbers = createNumberSource(options.db, rows, false);
  const write = writers(options);
  let done = 0;
  for (const tableRow of rows) {
    const checked = checkRow(options, tableRow, format, firstRowOf, numbers);
    let outcome: BatchOutcome;
    if (checked.kind === 'outcome') outcome = checked.outcome;
    else {
      const { ready } = checked;
      try {
        const prepared = await options.documents.prepare(ready.certificate, 'certificate');
        const record = options.db
          .transaction(() => commitBatchRow(write, ready, prepared))
          .immediate();
        const pdf = join(options.outDir, `${ready.number}.pdf`);
        writeFileAtomically(pdf, prepared.pdf);
        outcome = issuedOutcome(ready, record.id, record.state, pdf);
      } catch (error: unknown) {
        outcome = failureOutcome(ready.where, error);
      }
    }
    options.onOutcome(outcome);
    done += 1;
    options.onProgress?.({ phase: 'issue', done, total: rows.length });
  }
}

async function allOrNothing(
  options: IssueBatchOptions,
  rows: readonly TableRow[],
  format: 'csv' | 'json',
): Promise<void> {
  const firstRowOf = new Map<string, number>();
  const numbers = createNumberSource(options.db, rows, true);
  const checked = rows.map((tableRow, index) => {
    const result = checkRow(options, tableRow, format, firstRowOf, numbers);
    options.onProgress?.({ phase: 'check', done: index + 1, total: rows.length });
    return result;
  });
  const readyRows = checked.flatMap((entry) => (entry.kind === 'ready' ? [entry.ready] : []));
  const refuseAll = (refusals: ReadonlyMap<ReadyRow, BatchOutcome>, count: number): void => {
    const reason = `The batch was refused as a whole (--all-or-nothing): ${String(count)} row(s) refused; nothing was issued.`;
    for (const entry of checked)
      options.onOutcome(
        entry.kind === 'outcome'
          ? entry.outcome
          : (refusals.get(entry.ready) ?? { ...entry.ready.where, outcome: 'not-issued', reason }),
      );
  };
  const refusedCount = checked.filter(
    (entry) => entry.kind === 'outcome' && entry.outcome.outcome === 'refused',
  ).length;
  if (refusedCount > 0) {
    refuseAll(new Map(), refusedCount);
    return;
  }
  const prepared = new Map<ReadyRow, PreparedDocument>();
  for (const ready of readyRows) {
    try {
      prepared.set(ready, await options.documents.prepare(ready.certificate, 'certificate'));
    } catch (error: unknown) {
      refuseAll(new Map([[ready, failureOutcome(ready.where, error)]]), 1);
      return;
    }
    options.onProgress?.({ phase: 'sign', done: prepared.size, total: readyRows.length });
  }
  const write = writers(options);
  let current: ReadyRow | undefined;
  let records;
  try {
    records = options.db
      .transaction(() =>
        readyRows.map((ready) => {
          current = ready;
          const document = prepared.get(ready);
          if (document === undefined) throw new Error('row signed but not found');
          return commitBatchRow(write, ready, document);
        }),
      )
      .immediate();
  } catch (error: unknown) {
    if (current === undefined) throw error;
    refuseAll(new Map([[current, failureOutcome(current.where, error)]]), 1);
    return;
  }
  options.onProgress?.({ phase: 'store', done: readyRows.length, total: readyRows.length });
  const issued = new Map<ReadyRow, BatchOutcome>();
  readyRows.forEach((ready, index) => {
    const record = records[index];
    const document = prepared.get(ready);
    if (record === undefined || document === undefined)
      throw new Error('row committed but not found');
    const pdf = join(options.outDir, `${ready.number}.pdf`);
    writeFileAtomically(pdf, document.pdf);
    issued.set(ready, issuedOutcome(ready, record.id, record.state, pdf));
  });
  for (const entry of checked) {
    const outcome = entry.kind === 'outcome' ? entry.outcome : issued.get(entry.ready);
    if (outcome === undefined) throw new Error('row committed but not reported');
    options.onOutcome(outcome);
  }
}

export async function issueBatch(options: IssueBatchOptions): Promise<BatchSummary> {
  const table = readTableRows(options.file.bytes, options.file.name, {
    columns: batchColumns,
    required: requiredBatchColumns,
  });
  assertCanIssue(options);
  options.onRows?.(table.rows.length);
  const summary: BatchSummary = {
    rows: table.rows.length,
    issued: 0,
    alreadyIssued: 0,
    refused: 0,
    notIssued: 0,
  };
  const counting: IssueBatchOptions = {
    ...options,
    onOutcome: (outcome) => {
      if (outcome.outcome === 'issued') summary.issued += 1;
      else if (outcome.outcome === 'already-issued') summary.alreadyIssued += 1;
      else if (outcome.outcome === 'refused') summary.refused += 1;
      else summary.notIssued += 1;
      options.onOutcome(outcome);
    },
  };
  if (options.allOrNothing) await allOrNothing(counting, table.rows, table.format);
  else await rowByRow(counting, table.rows, table.format);
  return summary;
}
