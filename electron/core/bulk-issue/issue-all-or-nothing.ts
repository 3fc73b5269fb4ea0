// --all-or-nothing: every row is checked and signed first; one refusal refuses the whole batch
// (the other rows are reported not-issued), otherwise all rows commit in ONE transaction, so a
// crash leaves either no certificate of the batch or all of them. PDFs are written after the
// commit.
import { join } from 'node:path';
import { writeFileAtomically } from '../vault/document-files';
import type { PreparedDocument } from '../vault/document-operations';
import type { TableRow } from '../table-files/read-table-rows';
import type { BatchOutcome } from './batch-outcome';
import type { IssueBatchOptions } from './batch-options';
import { createRowChecker, failureOutcome, issuedOutcome, writers } from './batch-steps';
import { createBatchSigner } from './batch-signer';
import type { ReadyRow } from './commit-batch-row';
import { commitBatchRow } from './commit-batch-row';
import { createNumberSource } from './stock-numbers';

/** Rows signed at once: enough to keep both signing threads busy. */
const SIGN_WINDOW = 16;

export async function issueAllOrNothing(
  options: IssueBatchOptions,
  rows: readonly TableRow[],
  format: 'csv' | 'json',
): Promise<void> {
  const numbers = createNumberSource(options.db, rows, true);
  const check = createRowChecker(options, format, numbers);
  const checked = rows.map((tableRow, index) => {
    const result = check(tableRow);
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
  const signer = createBatchSigner(options.documents, {
    signThreadFile: options.signThreadFile,
    now: options.now,
  });
  try {
    // A window of rows in flight at a time: both signing threads busy, a bounded number of PDFs
    // waiting (every PDF is held until the single commit in any case).
    for (let start = 0; start < readyRows.length; start += SIGN_WINDOW) {
      const window = readyRows.slice(start, start + SIGN_WINDOW);
      const results = await Promise.allSettled(
        window.map((ready) => signer.sign(ready.checked.certificate)),
      );
      for (const [index, result] of results.entries()) {
        const ready = window[index];
        if (ready === undefined) continue;
        if (result.status === 'rejected') {
          refuseAll(new Map([[ready, failureOutcome(ready.where, result.reason)]]), 1);
          return;
        }
        prepared.set(ready, result.value);
        options.onProgress?.({ phase: 'sign', done: prepared.size, total: readyRows.length });
      }
    }
  } finally {
    await signer.close();
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
