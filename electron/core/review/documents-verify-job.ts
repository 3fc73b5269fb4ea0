// The helper thread's side of the review's document verification
// (verify-documents-in-two-threads.ts), run by the bundled audit thread
// (vault/audit/audit-verify-worker.ts) when its job is of this kind. It opens its own read-only
// connection, reads in one transaction, takes part only if it sees the caller's newest audit
// event, builds the verifier the review uses (document-operations.ts batchVerifier: the vault's
// trust anchors, seal key and records, the fonts for the page comparison) with the review's clock
// and rule settings, and takes documents from the shared counter until none is left, posting each
// verification. Any failure ends its part: the caller verifies what it did not report.
import type { MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import { applyKey } from '../vault/apply-vault-key';
import { BUSY } from '../vault/audit/run-units-in-two-threads';
import { takeSharedItems } from '../vault/audit/take-shared-items';
import type { ChainHead } from '../vault/audit/verification-units';
import { chainHead } from '../vault/audit/verification-units';
import { createDocumentOperations } from '../vault/document-operations';
import type { StoredDocument, StoredVerification } from './verify-stored-documents';
import { verifyOneStored } from './verify-stored-documents';

export type DocumentsJob = {
  mode: 'review-documents';
  path: string;
  key: Uint8Array;
  head: ChainHead;
  documents: StoredDocument[];
  /** The review's validation time (ISO 8601). */
  at: string;
  settings: ValidationSettings;
  resourcesDir: string | null;
  control: SharedArrayBuffer;
  port: MessagePort;
};

/** null: the vault holds no bytes for the document (the caller reports it as its own would). */
export type DocumentsMessage =
  { index: number; verification: StoredVerification | null } | { index: number; failed: true };

export function isDocumentsVerifyJob(data: unknown): data is DocumentsJob {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { mode?: unknown }).mode === 'review-documents'
  );
}

export async function runDocumentsVerifyJob(job: DocumentsJob): Promise<void> {
  const control = new Int32Array(job.control);
  const key = Buffer.from(job.key.buffer, job.key.byteOffset, job.key.byteLength);
  let db: Database.Database | null = null;
  try {
    // Read only, without migrations: the caller's connection opened (and migrated) the vault.
    db = new Database(job.path, { fileMustExist: true });
    applyKey(db, key);
    key.fill(0);
    db.pragma('query_only = ON');
    db.exec('BEGIN');
    const head = chainHead(db);
    if (head?.seq !== job.head?.seq || head?.hash !== job.head?.hash) return;
    const at = new Date(job.at);
    const operations = createDocumentOperations(db, {
      now: () => at,
      settings: job.settings,
      resourcesDir: job.resourcesDir ?? undefined,
    });
    const verify = verifyOneStored(db, await operations.batchVerifier());
    takeSharedItems(job.documents, control, job.port, (document, index): DocumentsMessage => ({
      index,
      verification: verify(document) ?? null,
    }));
  } catch {
    // The caller verifies every document this thread did not report.
  } finally {
    key.fill(0);
    Atomics.store(control, BUSY, 0);
    Atomics.notify(control, BUSY);
    job.port.close();
    if (db?.inTransaction === true) db.exec('ROLLBACK');
    db?.close();
  }
}
