// A certificate PDF checked against this vault (documents:verify, `kpdesk verify --vault`): the
// vault's signing identities are the trust anchors, its seal key checks the seal, and the record
// of the sealed certificate number is compared field by field with what the PDF carries. Whether
// the vault keeps this very file (by SHA-256) is said too. No role check here: callers do it.
import { createHash } from 'node:crypto';
import type { Certificate } from '../../../shared/domain/certificate';
import type { DocumentKind, DocumentVerification } from '../../../shared/ipc/documents-contract';
import { verifyPdf } from '../documents/verify/verify-pdf';
import { describeVerification } from './describe-verification';
import type { CertificateRecord } from './repositories/certificate-row';

export type VaultForVerification = {
  trustAnchorsDer: Buffer[];
  sealPublicKey: Buffer | undefined;
  getByNumber: (number: string) => CertificateRecord | null;
  /** The exact certificate a document of this kind prints; throws if it cannot be read. */
  printable: (record: CertificateRecord, kind: DocumentKind) => Certificate;
  /** The kind of the stored signed document with this SHA-256, or null if none is kept. */
  storedDocumentKind: (certificateId: number, sha256: string) => DocumentKind | null;
};

export function verifyAgainstVault(
  bytes: Buffer,
  fileName: string,
  vault: VaultForVerification,
): DocumentVerification {
  const base = {
    trustAnchorsDer: vault.trustAnchorsDer,
    ...(vault.sealPublicKey === undefined ? {} : { sealPublicKey: vault.sealPublicKey }),
  };
  let result = verifyPdf(bytes, base);
  const number = result.seal.payload?.n;
  const record = number === undefined ? null : vault.getByNumber(number);
  let found: DocumentVerification['vault'] = null;
  if (record !== null) {
    const kind = record.state === 'VOIDED' ? 'void' : 'certificate';
    const reading = (() => {
      try {
        return vault.printable(record, kind);
      } catch {
        // A record the rules cannot read any more is still reported, without a comparison.
        return undefined;
      }
    })();
    if (reading !== undefined) result = verifyPdf(bytes, { ...base, record: reading });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    found = {
      certificateId: record.id,
      number: record.number,
      state: record.state,
      storedDocument: vault.storedDocumentKind(record.id, sha256),
    };
  }
  return describeVerification(fileName, bytes, result, found);
}
