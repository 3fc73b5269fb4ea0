// Starts a full verification beside the app's own connection: in a thread of its own (the
// bundled audit-verify-worker.mjs), over its own read connection and one snapshot, so that the
// vault's queue is free for issuing while it runs (issue 13, part 6). Without the bundled file
// (tests and tools that run the sources) it runs in this thread, still over its own connection
// and snapshot, but then it holds this thread until it ends.
import { existsSync } from 'node:fs';
import { MessageChannel, Worker } from 'node:worker_threads';
import { AppFailure } from '../app-failure';
import type { FullVerificationJob, FullVerificationMessage } from './full-verification-job';
import type { SnapshotHead, SnapshotReport } from './snapshot-verification';
import { openReadConnection, verifySnapshot } from './snapshot-verification';

export type BesideOptions = {
  /** The vault file and its raw key (copied for the thread; the caller keeps its own). */
  path: string;
  key: Buffer;
  /** The bundled audit-verify-worker.mjs; absent or missing: this thread. */
  workerFile?: string;
  onSnapshot?: (head: SnapshotHead) => void;
  onProgress?: (done: number, total: number) => void;
};

export type RunningVerification = {
  done: Promise<SnapshotReport>;
  /** Ends the thread (the vault locked): `done` rejects with VAULT_LOCKED. */
  stop: () => void;
};

const failed = (): AppFailure =>
  new AppFailure(
    'INTERNAL',
    'The audit verification stopped before it finished. Nothing was changed; run it again.',
  );

function inThisThread(options: BesideOptions): RunningVerification {
  // Its own copy: the caller's key is zeroed if the vault locks before this runs.
  const key = Buffer.from(options.key);
  const run = (): SnapshotReport => {
    const db = openReadConnection(options.path, key);
    key.fill(0);
    try {
      return verifySnapshot(db, {
        ...(options.onSnapshot === undefined ? {} : { onSnapshot: options.onSnapshot }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      });
    } finally {
      db.close();
    }
  };
  return { done: Promise.resolve().then(run), stop: () => undefined };
}

export function verifyBesideIssuing(options: BesideOptions): RunningVerification {
  const { workerFile } = options;
  if (workerFile === undefined || !existsSync(workerFile)) return inThisThread(options);
  const channel = new MessageChannel();
  const job: FullVerificationJob = {
    mode: 'full',
    path: options.path,
    key: new Uint8Array(options.key),
    workerFile,
    port: channel.port2,
  };
  const worker = new Worker(workerFile, { workerData: job, transferList: [channel.port2] });
  // The thread received its own copy of the job when it was created.
  job.key.fill(0);
  let stopped = false;
  const done = new Promise<SnapshotReport>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: SnapshotReport | AppFailure): void => {
      if (settled) return;
      settled = true;
      channel.port1.close();
      void worker.terminate();
      if (outcome instanceof AppFailure) reject(outcome);
      else resolve(outcome);
    };
    channel.port1.on('message', (message: FullVerificationMessage) => {
      if (message.kind === 'snapshot') options.onSnapshot?.(message.head);
      else if (message.kind === 'progress') options.onProgress?.(message.done, message.total);
      else if (message.kind === 'report') settle(message.report);
      else settle(failed());
    });
    worker.on('error', () => {
      settle(failed());
    });
    // The port closes after its last message arrives (the job closes it when it ends, and it
    // goes with the thread if the thread is ended): a report posted before wins.
    channel.port1.on('close', () => {
      settle(
        stopped
          ? new AppFailure('VAULT_LOCKED', 'The vault was locked during the audit verification.')
          : failed(),
      );
    });
  });
  return {
    done,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
