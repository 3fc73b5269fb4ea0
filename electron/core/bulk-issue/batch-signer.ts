// The signer of one bulk issue: the signing identity and seal key are opened when the first row
// is signed (a re-run whose rows were all issued before never needs them) and kept for the
// batch only; close() zeroes them, and both modes call it in a `finally`, whatever happens.
// With the bundled signing thread (sign-pool.ts) two threads sign while the caller's thread
// checks and stores; without it (a test running the sources) this thread signs, one at a time.
import { existsSync } from 'node:fs';
import type { Certificate } from '../../../shared/domain/certificate';
import type { SigningSession } from '../signing-keys/signing-session';
import type { DocumentOperations, PreparedDocument } from '../vault/document-operations';
import type { SignPool } from './sign-pool';
import { startSignPool } from './sign-pool';

export type BatchSigner = {
  /** The signed, sealed PDF of one row (signs, writes nothing). */
  sign: (certificate: Certificate) => Promise<PreparedDocument>;
  /** Zeroes the keys in every thread; resolves when all are zeroed. */
  close: () => Promise<void>;
};

/** The machine a carrier issues on has two cores (issue 15). */
export const SIGNING_THREADS = 2;

export function createBatchSigner(
  documents: DocumentOperations,
  options: { signThreadFile?: string | undefined; now: () => Date },
): BatchSigner {
  let session: SigningSession | undefined;
  let pool: SignPool | undefined;
  const threadFile =
    options.signThreadFile !== undefined && existsSync(options.signThreadFile)
      ? options.signThreadFile
      : undefined;
  const open = (): SigningSession => {
    // Refused (locked keys, no identity) the same way for every row until it opens.
    session ??= documents.openSigningSession();
    return session;
  };
  return {
    // async: a refusal to open the keys (SIGNING_LOCKED, IDENTITY_INVALID) or to sign at this
    // time is the row's rejected promise, refused like any other row, never a throw that would
    // stop the batch.
    sign: async (certificate) => {
      const keys = open();
      if (threadFile === undefined)
        return documents.prepare(certificate, 'certificate', undefined, keys);
      pool ??= startSignPool({
        workerFile: threadFile,
        session: keys,
        setup: documents.signerSetup(keys),
        auditHead: documents.auditHeadNow,
        now: options.now,
        threads: SIGNING_THREADS,
      });
      return pool.sign(certificate);
    },
    close: async () => {
      try {
        await pool?.close();
      } finally {
        pool = undefined;
        session?.close();
        session = undefined;
      }
    },
  };
}
