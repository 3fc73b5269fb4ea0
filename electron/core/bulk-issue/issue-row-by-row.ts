// Row by row: a bad row stores nothing and the others go on. Rows are signed a group at a time
// (no lock held while signing), then the group commits in ONE transaction with a savepoint per
// row: a row the core refuses rolls back alone, and the group's other rows commit. Only then are
// their PDFs written and their outcomes reported, so the result file never calls a row issued
// before it is durable. A group is `commitEvery` rows or one second of signing, whichever comes
// first: one commit (one fsync, synchronous = FULL) per group instead of per row, and a crash
// loses at most the group in flight, whose rows a re-run issues (nothing of them was stored;
// what was stored is found by its reference and reported, never issued twice).
import { join } from 'node:path';
import { AppFailure } from '../app-failure';
import { writeFileAtomically } from '../vault/document-files';
import type { PreparedDocument } from '../vault/document-operations';
import type { TableRow } from '../table-files/read-table-rows';
import type { BatchOutcome } from './batch-outcome';
import type { IssueBatchOptions } from './batch-options';
import { checkRow, failureOutcome, issuedOutcome, writers } from './batch-steps';
import { createBatchSigner } from './batch-signer';
import type { BatchSigner } from './batch-signer';
import type { ReadyRow } from './commit-batch-row';
import { commitBatchRow } from './commit-batch-row';
import { createNumberSource } from './stock-numbers';

export const DEFAULT_COMMIT_EVERY = 50;
/** A group also ends after this much signing, so outcomes keep flowing on a slow machine. */
const GROUP_SIGNING_MS = 1000;

type Entry = { outcome: BatchOutcome } | { ready: ReadyRow; prepared: PreparedDocument };

export async function issueRowByRow(
  options: IssueBatchOptions,
  rows: readonly TableRow[],
  format: 'csv' | 'json',
): Promise<void> {
  // The keys are opened once for the batch and zeroed when it ends, however it ends.
  const signer = createBatchSigner(options.documents);
  try {
    await issueGroups(options, rows, format, signer);
  } finally {
    signer.close();
  }
}

async function issueGroups(
  options: IssueBatchOptions,
  rows: readonly TableRow[],
  format: 'csv' | 'json',
  signer: BatchSigner,
): Promise<void> {
  const firstRowOf = new Map<string, number>();
  const write = writers(options);
  const commitEvery = options.commitEvery ?? DEFAULT_COMMIT_EVERY;
  let next = 0;
  let done = 0;
  while (next < rows.length) {
    // A new source per group: numbers of the group's refused rows are offered again later.
    const numbers = createNumberSource(options.db, rows, true);
    const group: Entry[] = [];
    let signed = 0;
    const started = performance.now();
    while (
      next < rows.length &&
      signed < commitEvery &&
      (signed === 0 || performance.now() - started < GROUP_SIGNING_MS)
    ) {
      const tableRow = rows[next];
      next += 1;
      if (tableRow === undefined) break;
      const checked = checkRow(options, tableRow, format, firstRowOf, numbers);
      if (checked.kind === 'outcome') {
        group.push({ outcome: checked.outcome });
        continue;
      }
      try {
        const prepared = await signer.sign(checked.ready.certificate);
        group.push({ ready: checked.ready, prepared });
        signed += 1;
      } catch (error: unknown) {
        group.push({ outcome: failureOutcome(checked.ready.where, error) });
      }
    }
    const commitRow = options.db.transaction(commitBatchRow);
    const committed = options.db
      .transaction(() =>
        group.map((entry) => {
          if ('outcome' in entry) return entry;
          try {
            // Inside the group's transaction this is a savepoint: a refusal undoes this row only.
            const record = commitRow(write, entry.ready, entry.prepared);
            return { ...entry, record };
          } catch (error: unknown) {
            if (!(error instanceof AppFailure)) throw error;
            return { outcome: failureOutcome(entry.ready.where, error) };
          }
        }),
      )
      .immediate();
    for (const entry of committed) {
      let outcome: BatchOutcome;
      if ('outcome' in entry) outcome = entry.outcome;
      else {
        const pdf = join(options.outDir, `${entry.ready.number}.pdf`);
        writeFileAtomically(pdf, entry.prepared.pdf);
        outcome = issuedOutcome(entry.ready, entry.record.id, entry.record.state, pdf);
      }
      options.onOutcome(outcome);
      done += 1;
      options.onProgress?.({ phase: 'issue', done, total: rows.length });
    }
  }
}
