// The signer of one bulk issue: the signing identity and seal key are opened when the first row
// is signed (a re-run whose rows were all issued before never needs them) and kept for the
// batch only; close() zeroes them, and both modes call it in a `finally`, whatever happens.
import type { Certificate } from '../../../shared/domain/certificate';
import type { SigningSession } from '../signing-keys/signing-session';
import type { DocumentOperations, PreparedDocument } from '../vault/document-operations';

export type BatchSigner = {
  /** The signed, sealed PDF of one row (signs, writes nothing). */
  sign: (certificate: Certificate) => Promise<PreparedDocument>;
  close: () => void;
};

export function createBatchSigner(documents: DocumentOperations): BatchSigner {
  let session: SigningSession | undefined;
  return {
    sign: (certificate) => {
      // Refused (locked keys, no identity) the same way for every row until it opens.
      session ??= documents.openSigningSession();
      return documents.prepare(certificate, 'certificate', undefined, session);
    },
    close: () => {
      session?.close();
      session = undefined;
    },
  };
}
