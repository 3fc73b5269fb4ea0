// How the full review has its stored signed PDFs verified: a list of documents in, one
// verification per document out (in the same order), so that where the work runs (this thread
// alone, or this thread and a helper: verify-documents-in-two-threads.ts) is the caller's choice
// and the findings are the same either way (check-stored-documents.ts). Each document's
// attachment row is read once, whole: its PDF is verified from those bytes, and the same row is
// digested as the audit verification digests it (vault/audit/entity-row-digest.ts), so the audit
// part of the review need not read the 264 KB again (issue 14).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DocumentVerification } from '../../../shared/ipc/documents-contract';
import { entityRowDigest } from '../vault/audit/entity-row-digest';
import type { KnownBlobPrefix } from '../vault/audit/hex-ascii';

export type DocumentVerifier = ((bytes: Buffer, fileName: string) => DocumentVerification) & {
  /** The bytes every certificate file starts with (document-verification.ts batchVerifier):
   * their hex in the row's audit digest is made once, not per PDF. */
  knownPrefix?: KnownBlobPrefix;
};

/** One stored document to verify: its attachment row and the file name it is reported by. */
export type StoredDocument = { attachmentId: number; fileName: string };

/** A document's verification and the audit digest of its attachment row as it was read. */
export type StoredVerification = { verification: DocumentVerification; rowDigest: string };

/** Each document's verification, or undefined when the vault no longer holds its row. */
export type StoredDocumentsVerifier = (
  documents: readonly StoredDocument[],
  onDocument?: (done: number, total: number) => void,
) => (StoredVerification | undefined)[];

/** Reads one document's row through `db` and verifies its bytes (one thread's share). */
export function verifyOneStored(
  db: Database,
  verify: DocumentVerifier,
): (document: StoredDocument) => StoredVerification | undefined {
  const rows = entityRowDigest(db, 'attachment', verify.knownPrefix);
  const content = rows.columns.indexOf('content');
  return ({ attachmentId, fileName }) => {
    const row = rows.read(String(attachmentId));
    const bytes = row?.[content];
    if (row === undefined || !Buffer.isBuffer(bytes)) return undefined;
    return { verification: verify(bytes, fileName), rowDigest: rows.digest(row) };
  };
}

/** Every document on this thread, in order. */
export function verifyStoredHere(db: Database, verify: DocumentVerifier): StoredDocumentsVerifier {
  const one = verifyOneStored(db, verify);
  return (documents, onDocument) =>
    documents.map((document, index) => {
      onDocument?.(index, documents.length);
      return one(document);
    });
}
