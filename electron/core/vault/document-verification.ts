// Verifying a certificate PDF against this vault: its identities' certificates and its trust list
// are the trust anchors, its seal key checks the seal, and the record of the sealed certificate
// number is compared (verify-against-vault.ts). Only verification results leave.
import type { KeyObject } from 'node:crypto';
import { basename } from 'node:path';
import type { DocumentKind, DocumentVerification } from '../../../shared/ipc/documents-contract';
import { sealPublicKey as parseSealPublicKey } from '../documents/seal/seal-key';
import { DEFAULT_MAX_BYTES } from '../documents/verify/verify-pdf';
import { createPageBindingChecker } from '../documents/verify/check-page-binding';
import { certificatePdfPrefix } from '../documents/layout/write-certificate-pdf';
import type { HashedPrefix } from '../documents/verify/hash-from-prefix';
import { loadDocumentFonts } from '../documents/write-certificate-document';
import type { Actor } from '../issuance/actor';
import type { DocumentContext } from './document-context';
import { PathSchema } from './document-context';
import { readFileBounded } from './document-files';
import { parseInput } from './repositories/parse-input';
import { ATTACHMENT_KIND } from './signed-document-status';
import { verifyAgainstVault } from './verify-against-vault';

export function createDocumentVerification(context: DocumentContext) {
  const {
    now,
    certificates,
    attachments,
    identities,
    trust,
    resourcesDir,
    printable,
    sealPublicKey,
    everyone,
  } = context;

  /**
   * Verifies a PDF against this vault: its identities' certificates and its trust list are the
   * trust anchors, its seal key checks the seal, and the record of the sealed certificate
   * number is compared.
   */
  async function verify(actor: Actor, input: unknown): Promise<DocumentVerification> {
    everyone(actor, 'verify certificates');
    const request = parseInput(PathSchema, input);
    return verifyBytes(readFileBounded(request.path, DEFAULT_MAX_BYTES), basename(request.path));
  }

  return { verifyBytes, batchVerifier, verify };

  /**
   * The verification of a file's bytes against this vault (no role check: callers do it). The
   * anchors are the signer's certificate of every identity this vault ever held (its own
   * signatures, retired ones included; not the issuers stored with them, which would trust
   * everything a commercial CA issued to anyone) and the certificates its trust list holds now
   * (a removed one no longer counts). The page is written again from the document's recipe with
   * the certificate fonts and compared.
   */
  async function verifyBytes(bytes: Buffer, fileName: string): Promise<DocumentVerification> {
    return (await batchVerifier())(bytes, fileName);
  }

  /**
   * The same verification for many files (the full review, issue 14): the fonts of the page
   * binding are loaded once, and the trust anchors and the seal key are read once, not per file.
   */
  async function batchVerifier(): Promise<
    ((bytes: Buffer, fileName: string) => DocumentVerification) & { knownPrefix: HashedPrefix }
  > {
    const pageBinding = await createPageBindingChecker(resourcesDir());
    // The ~230 KB every certificate file starts with (fonts and ICC profile) and their SHA-256
    // state, built once per process: each file's two SHA-256s continue from there when the file
    // starts with exactly those bytes (documents/verify/hash-from-prefix.ts).
    const knownPrefix = certificatePdfPrefix((await loadDocumentFonts(resourcesDir())).subsets);
    const trustAnchorsDer = [...identities.signerCertificates(), ...trust.anchorsDer()];
    // Parsed once for the whole batch; a key that is not P-256 is passed as stored, so that each
    // verification reports it as the verifier words it.
    const storedSealKey = sealPublicKey();
    let sealKey: KeyObject | Buffer | undefined = storedSealKey;
    try {
      if (storedSealKey !== undefined) sealKey = parseSealPublicKey(storedSealKey);
    } catch {
      sealKey = storedSealKey;
    }
    // Seals printed before a replacement of the keys (signing-keys/replace-signing-keys.ts).
    const earlierSealPublicKeys = identities.retiredSealPublicKeys().flatMap((der) => {
      try {
        return [parseSealPublicKey(der)];
      } catch {
        return [];
      }
    });
    const verifyOne = (bytes: Buffer, fileName: string): DocumentVerification =>
      verifyAgainstVault(bytes, fileName, {
        pageBinding,
        knownPrefix,
        now,
        trustAnchorsDer,
        sealPublicKey: sealKey,
        earlierSealPublicKeys,
        getByNumber: certificates.getByNumber,
        printable,
        storedDocumentKind: (certificateId, sha256) => {
          const stored = attachments.list(certificateId).find((meta) => meta.sha256 === sha256);
          const kinds = Object.entries(ATTACHMENT_KIND) as [DocumentKind, string][];
          return kinds.find(([, kind]) => kind === stored?.kind)?.[0] ?? null;
        },
      });
    // The review digests each stored file's row too: the prefix's hex is made once for it.
    return Object.assign(verifyOne, { knownPrefix });
  }
}
