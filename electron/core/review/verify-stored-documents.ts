// How the full review has its stored signed PDFs verified: a list of documents in, one
// verification per document out (in the same order), so that where the work runs (this thread
// alone, or this thread and a helper: verify-documents-in-two-threads.ts) is the caller's choice
// and the findings are the same either way (check-stored-documents.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DocumentVerification } from '../../../shared/ipc/documents-contract';

export type DocumentVerifier = (bytes: Buffer, fileName: string) => DocumentVerification;

/** One stored document to verify: its attachment row and the file name it is reported by. */
export type StoredDocument = { attachmentId: number; fileName: string };

/** Each document's verification, or undefined when the vault no longer holds its bytes. */
export type StoredDocumentsVerifier = (
  documents: readonly StoredDocument[],
  onDocument?: (done: number, total: number) => void,
) => (DocumentVerification | undefined)[];

/** Reads one document's bytes through `db` and verifies them (one thread's share of the work). */
export function verifyOneStored(
  db: Database,
  verify: DocumentVerifier,
): (document: StoredDocument) => DocumentVerification | undefined {
  const content = db
    .prepare<[number], Buffer>('SELECT content FROM attachments WHERE id = ?')
    .pluck();
  return ({ attachmentId, fileName }) => {
    const bytes = content.get(attachmentId);
    return bytes === undefined ? undefined : verify(bytes, fileName);
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
