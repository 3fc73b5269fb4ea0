// Row by row: a bad row stores nothing and the others go on. Rows are checked here, in input
// order, and each checked row is handed to the signing threads at once (batch-signer.ts); rows
// are grouped, and a group commits in ONE transaction with a savepoint per row once its rows are
// signed: a row the core refuses rolls back alone, and the group's other rows commit. Only then
// are their PDFs written and their outcomes reported, in input order, so the result file never
// calls a row issued before it is durable. A group is `commitEvery` rows or one second of
// checking, whichever comes first: one commit (one fsync, synchronous = FULL) per group instead
// of per row, and a crash loses at most the groups in flight, whose rows a re-run issues
// (nothing of them was stored; what was stored is found by its reference and reported, never
// issued twice).
//
// Pipelined, with back-pressure: while one group waits for its signatures and commits, the next
// is checked and sent to be signed; a third waits until the first has committed. So this thread
// (checks, commits) and the two signing threads work at once, and at most two groups' PDFs are
// held in memory.
import { join } from 'node:path';
import { AppFailure } from '../app-failure';
import { writeFileAtomically } from '../vault/document-files';
import type { PreparedDocument } from '../vault/document-operations';
import type { TableRow } from '../table-files/read-table-rows';
import type { BatchOutcome } from './batch-outcome';
import type { IssueBatchOptions } from './batch-options';
import type { BatchWriters } from './commit-batch-row';
import { commitBatchRow } from './commit-batch-row';
import { createRowChecker, failureOutcome, issuedOutcome, writers } from './batch-steps';
import { createBatchSigner } from './batch-signer';
import type { BatchSigner } from './batch-signer';
import type { ReadyRow } from './commit-batch-row';
import type { NumberSource } from './stock-numbers';
import { createNumberSource } from './stock-numbers';

export const DEFAULT_COMMIT_EVERY = 50;
/** A group also ends after this long, so outcomes keep flowing on a slow machine. */
const GROUP_MS = 1000;

type Entry = { outcome: BatchOutcome } | { ready: ReadyRow; signed: Promise<PreparedDocument> };

type Signed = { outcome: BatchOutcome } | { ready: ReadyRow; prepared: PreparedDocument };

export async function issueRowByRow(
  options: IssueBatchOptions,
  rows: readonly TableRow[],
  format: 'csv' | 'json',
): Promise<void> {
  // The keys are opened once for the batch and zeroed when it ends, however it ends.
  const signer = createBatchSigner(options.documents, {
    signThreadFile: options.signThreadFile,
    now: options.now,
  });
  try {
    await issueGroups(options, rows, format, signer);
  } finally {
    await signer.close();
  }
}

async function issueGroups(
  options: IssueBatchOptions,
  rows: readonly TableRow[],
  format: 'csv' | 'json',
  signer: BatchSigner,
): Promise<void> {
  // Numbers are held from a row's check to its commit: the next group is checked before the
  // previous one is stored. A refused row gives its number back.
  const numbers = createNumberSource(options.db, rows, true);
  const check = createRowChecker(options, format, numbers);
  const write = writers(options);
  const commitEvery = options.commitEvery ?? DEFAULT_COMMIT_EVERY;
  const progress = { done: 0, total: rows.length };
  let previous: Promise<void> = Promise.resolve();
  let next = 0;
  while (next < rows.length) {
    const group: Entry[] = [];
    let ready = 0;
    const started = performance.now();
    while (
      next < rows.length &&
      ready < commitEvery &&
      (ready === 0 || performance.now() - started < GROUP_MS)
    ) {
      const tableRow = rows[next];
      next += 1;
      if (tableRow === undefined) break;
      const checked = check(tableRow);
      if (checked.kind === 'outcome') {
        group.push({ outcome: checked.outcome });
        continue;
      }
      const signed = signer.sign(checked.ready.checked.certificate);
      // Awaited when its group commits; until then a refusal must not count as unhandled.
      signed.catch(() => undefined);
      group.push({ ready: checked.ready, signed });
      ready += 1;
    }
    // Back-pressure: the group before this one commits before another is checked.
    await previous;
    previous = commitGroup(options, write, numbers, group, progress);
    // Awaited at the next group or the end; should checking fail first, its failure is this one.
    previous.catch(() => undefined);
  }
  await previous;
}

async function commitGroup(
  options: IssueBatchOptions,
  write: BatchWriters,
  numbers: NumberSource,
  group: readonly Entry[],
  progress: { done: number; total: number },
): Promise<void> {
  const signed: Signed[] = [];
  for (const entry of group) {
    if ('outcome' in entry) {
      signed.push(entry);
      continue;
    }
    try {
      signed.push({ ready: entry.ready, prepared: await entry.signed });
    } catch (error: unknown) {
      numbers.release(entry.ready.number);
      signed.push({ outcome: failureOutcome(entry.ready.where, error) });
    }
  }
  const commitRow = options.db.transaction(commitBatchRow);
  const committed = options.db
    .transaction(() =>
      signed.map((entry) => {
        if ('outcome' in entry) return entry;
        try {
          // Inside the group's transaction this is a savepoint: a refusal undoes this row only.
          const record = commitRow(write, entry.ready, entry.prepared);
          return { ...entry, record };
        } catch (error: unknown) {
          if (!(error instanceof AppFailure)) throw error;
          numbers.release(entry.ready.number);
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
    progress.done += 1;
    options.onProgress?.({ phase: 'issue', done: progress.done, total: progress.total });
  }
}
