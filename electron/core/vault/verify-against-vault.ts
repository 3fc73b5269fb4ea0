// A certificate PDF checked against this vault (documents:verify, `kpdesk verify --vault`): the
// vault's signing identities (and the trust list in its settings) are the trust anchors, its
// seal key checks the seal, the record of the sealed certificate number is compared field by
// field, and the vault says whether the certificate was voided (31 CFR 592.301(a)(1)(v): a voided
// certificate's PDF must not be relied on, only its VOID copy). Whether the vault keeps this very
// file (by SHA-256) is said too. No role check here: callers do it.
import type { KeyObject } from 'node:crypto';
import type { Certificate } from '../../../shared/domain/certificate';
import type { DocumentKind, DocumentVerification } from '../../../shared/ipc/documents-contract';
import type { PageBindingChecker } from '../documents/verify/check-page-binding';
import type { HashedPrefix } from '../documents/verify/hash-from-prefix';
import { fileSha256 } from '../documents/verify/hash-from-prefix';
import type { VaultKnowledge, VerifyPdfOptions } from '../documents/verify/verify-pdf';
import { verifyPdf } from '../documents/verify/verify-pdf';
import { describeVerification } from './describe-verification';
import type { CertificateRecord } from './repositories/certificate-row';

export type VaultForVerification = {
  trustAnchorsDer: Buffer[];
  /** A KeyObject when the caller verifies many files: parsing the key is not free. */
  sealPublicKey: KeyObject | Buffer | undefined;
  /** The vault's retired seal keys (a replacement of keys nobody could open): earlier seals. */
  earlierSealPublicKeys?: readonly (KeyObject | Buffer)[];
  getByNumber: (number: string) => CertificateRecord | null;
  /** The exact certificate a document of this kind prints; throws if it cannot be read. */
  printable: (record: CertificateRecord, kind: DocumentKind) => Certificate;
  /** The kind of the stored signed document with this SHA-256, or null if none is kept. */
  storedDocumentKind: (certificateId: number, sha256: string) => DocumentKind | null;
  /** Validation time for tests with a moved clock (default now). */
  now?: () => Date;
  /** Writes the page again and compares it (documents/verify/check-page-binding.ts). */
  pageBinding?: PageBindingChecker;
  /** The bytes every certificate file starts with, hashed once (verify/hash-from-prefix.ts). */
  knownPrefix?: HashedPrefix;
};

function voidedKnowledge(record: CertificateRecord): VaultKnowledge['voided'] {
  if (record.state !== 'VOIDED') return null;
  const date = record.voidedAt?.slice(0, 10) ?? 'an unrecorded date';
  return {
    message: `Certificate ${record.number} was voided on ${date} (${record.voidReason ?? 'no reason recorded'}).`,
  };
}

function knowledgeOf(
  record: CertificateRecord | null,
  kind: DocumentKind,
  vault: VaultForVerification,
): VaultKnowledge {
  if (record === null) return { record: null, voided: null };
  let reading: Certificate | null;
  try {
    reading = vault.printable(record, kind);
  } catch {
    // A record the rules cannot read any more is reported as not matching anything.
    reading = null;
  }
  return { record: reading, voided: voidedKnowledge(record) };
}

export function verifyAgainstVault(
  bytes: Buffer,
  fileName: string,
  vault: VaultForVerification,
): DocumentVerification {
  const base: VerifyPdfOptions = {
    trustAnchorsDer: vault.trustAnchorsDer,
    ...(vault.sealPublicKey === undefined ? {} : { sealPublicKey: vault.sealPublicKey }),
    ...(vault.earlierSealPublicKeys === undefined
      ? {}
      : { earlierSealPublicKeys: vault.earlierSealPublicKeys }),
    ...(vault.now === undefined ? {} : { now: vault.now() }),
    ...(vault.pageBinding === undefined ? {} : { pageBinding: vault.pageBinding }),
    ...(vault.knownPrefix === undefined ? {} : { knownPrefix: vault.knownPrefix }),
  };
  // The seal names the certificate (and which of its documents); the vault's record of it is
  // looked up once the seal is verified, in the same pass (verify-options.ts, vaultFor).
  // undefined: no verified seal named a certificate; null: the vault has no such certificate.
  const named: { record: CertificateRecord | null | undefined } = { record: undefined };
  const result = verifyPdf(bytes, {
    ...base,
    vaultFor: (payload) => {
      const found = vault.getByNumber(payload.n);
      named.record = found;
      return knowledgeOf(
        found,
        payload.v === 2 && payload.k === 'void' ? 'void' : 'certificate',
        vault,
      );
    },
  });
  if (named.record === undefined) return describeVerification(fileName, bytes, result, null);
  const { record } = named;
  const sha256 = fileSha256(bytes, vault.knownPrefix);
  const found: DocumentVerification['vault'] =
    record === null
      ? null
      : {
          certificateId: record.id,
          number: record.number,
          state: record.state,
          storedDocument: vault.storedDocumentKind(record.id, sha256),
        };
  return describeVerification(fileName, bytes, result, found, sha256);
}
