// The helper thread of the audit verification (run-units-in-two-threads.ts): opens its own
// connection to the vault file, reads in one transaction, and takes units from the shared counter
// until none is left, posting each result. It takes none if its snapshot is not the caller's.
// Bundled as electron/audit-verify-worker.mjs beside the vault worker (scripts/build-node.mjs).
// The same file also runs a whole verification beside issuing (a job with mode 'full':
// audit-check/full-verification-job.ts), so that the app ships one audit thread, not two.
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import {
  isFullVerificationJob,
  runFullVerificationJob,
} from '../../audit-check/full-verification-job';
import { applyKey } from '../apply-vault-key';
import type { HelperJob, HelperMessage } from './run-units-in-two-threads';
import { BUSY } from './run-units-in-two-threads';
import { takeSharedItems } from './take-shared-items';
import { chainHead, runVerificationUnit } from './verification-units';

function sameHead(db: Database.Database, job: HelperJob): boolean {
  const head = chainHead(db);
  return head?.seq === job.head?.seq && head?.hash === job.head?.hash;
}

function runHelperJob(job: HelperJob): void {
  const control = new Int32Array(job.control);
  let db: Database.Database | null = null;
  const key = Buffer.from(job.key.buffer, job.key.byteOffset, job.key.byteLength);
  try {
    // Read only, without migrations: the caller's connection opened (and migrated) the vault.
    db = new Database(job.path, { fileMustExist: true });
    applyKey(db, key);
    key.fill(0);
    db.pragma('query_only = ON');
    db.exec('BEGIN');
    const open = db;
    if (sameHead(open, job))
      takeSharedItems(job.units, control, job.port, (unit, index): HelperMessage => ({
        index,
        result: runVerificationUnit(open, unit, job.walk, job.known),
      }));
  } catch {
    // The caller runs every unit this thread did not report.
  } finally {
    key.fill(0);
    Atomics.store(control, BUSY, 0);
    Atomics.notify(control, BUSY);
    job.port.close();
    if (db?.inTransaction === true) db.exec('ROLLBACK');
    db?.close();
  }
}

if (isFullVerificationJob(workerData)) runFullVerificationJob(workerData);
else runHelperJob(workerData as HelperJob);
