// The full verification as a job of its own thread (started by verify-beside-issuing.ts): opens
// its own read connection, verifies one snapshot, and posts what it sees (the snapshot's head,
// progress, the report). The job's thread may start a helper thread of its own (the same bundled
// file), which takes part only if it reads the same snapshot (run-units-in-two-threads.ts): while
// the app issues, it usually does not, and the verification then keeps to one core, leaving the
// other to issuing (issue 13: issuing goes on while a full verification runs).
import type { MessagePort } from 'node:worker_threads';
import type { SnapshotHead, SnapshotReport } from './snapshot-verification';
import { openReadConnection, verifySnapshot } from './snapshot-verification';

export type FullVerificationJob = {
  mode: 'full';
  path: string;
  key: Uint8Array;
  /** This bundled file again, for the helper thread; absent: one thread. */
  workerFile?: string;
  port: MessagePort;
};

export type FullVerificationMessage =
  | { kind: 'snapshot'; head: SnapshotHead }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'report'; report: SnapshotReport }
  | { kind: 'failed' };

export function isFullVerificationJob(data: unknown): data is FullVerificationJob {
  return typeof data === 'object' && data !== null && (data as { mode?: unknown }).mode === 'full';
}

export function runFullVerificationJob(job: FullVerificationJob): void {
  const key = Buffer.from(job.key.buffer, job.key.byteOffset, job.key.byteLength);
  const post = (message: FullVerificationMessage): void => {
    job.port.postMessage(message);
  };
  try {
    const db = openReadConnection(job.path, key);
    try {
      const report = verifySnapshot(db, {
        ...(job.workerFile === undefined ? {} : { helper: { workerFile: job.workerFile, key } }),
        onSnapshot: (head) => {
          post({ kind: 'snapshot', head });
        },
        onProgress: (done, total) => {
          post({ kind: 'progress', done, total });
        },
      });
      post({ kind: 'report', report });
    } finally {
      db.close();
    }
  } catch {
    // A driver's message may quote a path or a value: the caller reports a typed failure.
    post({ kind: 'failed' });
  } finally {
    key.fill(0);
    job.port.close();
  }
}
