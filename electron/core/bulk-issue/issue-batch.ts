// Bulk issue (issue 15, `kpdesk issue-batch`): many certificates from one CSV or JSON file
// (docs/import-format.md), on the same services as `kpdesk issue` and the app. Each row carries
// the shipping system's reference, recorded in the transaction that issues it
// (issue_references, migration 0130): re-running a file after a crash reports what was issued
// and issues the rest, never a reference twice.
//
// Row by row (the default, issue-row-by-row.ts): a bad row stores nothing, the others go on.
// All or nothing (issue-all-or-nothing.ts): one bad row refuses the whole batch.
import { batchColumns, requiredBatchColumns } from '../../../shared/records/issue-batch-row';
import { AppFailure } from '../app-failure';
import { WRITERS } from '../issuance/actor';
import { readTableRows } from '../table-files/read-table-rows';
import type { BatchSummary, IssueBatchOptions } from './batch-options';
import { issueAllOrNothing } from './issue-all-or-nothing';
import { issueRowByRow } from './issue-row-by-row';

export type { BatchProgress, BatchSummary, IssueBatchOptions } from './batch-options';

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
  if (options.allOrNothing) await issueAllOrNothing(counting, table.rows, table.format);
  else await issueRowByRow(counting, table.rows, table.format);
  return summary;
}
