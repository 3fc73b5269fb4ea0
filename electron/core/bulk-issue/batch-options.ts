// The options and summary of a bulk issue (issue-batch.ts), shared by its two modes.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../issuance/actor';
import type { DocumentOperations } from '../vault/document-operations';
import type { VaultServices } from '../vault/vault-services';
import type { BatchOutcome } from './batch-outcome';

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
  /** Row by row: rows per commit (default 50); fewer lose less signing work on a crash. */
  commitEvery?: number;
  /** Each row's outcome as soon as it is final (row by row: right after its commit). */
  onOutcome: (outcome: BatchOutcome) => void;
  /**
   * The bundled signing thread (electron/batch-sign-worker.mjs): when it exists, two threads
   * sign while this one checks and stores (sign-pool.ts); otherwise this thread signs.
   */
  signThreadFile?: string | undefined;
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
