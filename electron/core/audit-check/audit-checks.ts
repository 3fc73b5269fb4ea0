// The audit checks of an open vault, as the gateway runs them: the full verification beside
// issuing (verify-beside-issuing.ts), whose clean head is recorded on the app's connection
// (verified-heads.ts), and the check at unlock from the last recorded head
// (check-since-verified-head.ts). Running verifications end when the vault locks.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createAuditWriter } from '../vault/audit/audit-chain';
import { besideQueue } from '../vault/worker/rpc';
import type { UnlockCheck } from './check-since-verified-head';
import { checkSinceVerifiedHead } from './check-since-verified-head';
import type { SnapshotReport } from './snapshot-verification';
import type { RunningVerification } from './verify-beside-issuing';
import { verifyBesideIssuing } from './verify-beside-issuing';
import { recordVerifiedHead } from './verified-heads';

export type AuditChecksOptions = {
  now: () => Date;
  /** The bundled audit-verify-worker.mjs (absent: the verification runs in this thread). */
  workerFile?: string;
  onProgress?: (done: number, total: number) => void;
};

export type OpenVault = { db: Database; key: Buffer };

export function createAuditChecks(options: AuditChecksOptions) {
  const running = new Set<RunningVerification>();
  return {
    /**
     * The full verification of the vault as it is now, beside issuing: the long read in its own
     * thread, then (on the vault's queue: besideQueue) the clean head recorded, if the same
     * connection is still open (`isOpen`).
     */
    verify(
      vault: OpenVault,
      userId: number | null,
      isOpen: (db: Database) => boolean,
    ): Promise<SnapshotReport> {
      const run = verifyBesideIssuing({
        path: vault.db.name,
        key: vault.key,
        ...(options.workerFile === undefined ? {} : { workerFile: options.workerFile }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      });
      running.add(run);
      const work = run.done.finally(() => running.delete(run));
      return besideQueue(work, (report) => {
        if (isOpen(vault.db))
          recordVerifiedHead(
            vault.db,
            createAuditWriter(vault.db, options.now),
            report,
            userId,
            options.now,
          );
        return report;
      });
    },
    /** At unlock: the events since the last proved head (a day's, not the whole chain). */
    atUnlock: (db: Database): UnlockCheck => checkSinceVerifiedHead(db),
    /** The vault locks: its verifications end (their callers get VAULT_LOCKED). */
    stopAll(): void {
      for (const run of running) run.stop();
      running.clear();
    },
  };
}

export type AuditChecks = ReturnType<typeof createAuditChecks>;
