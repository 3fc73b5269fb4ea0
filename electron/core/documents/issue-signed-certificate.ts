// Composes the signed certificate document: seal the record (QR code on the page and the same
// text in the Info dictionary), write the page from its document recipe
// (write-certificate-document.ts), then sign it as PAdES B-B. The seal is made first because the
// page prints it, and the signature comes last because it covers it all. The recipe (everything
// the writer reads) is recorded in the document, so a verifier can write the page again and
// prove it is what the licensee sealed (verify/check-page-binding.ts). Fonts, the printed form
// and the signer's parsed key are prepared once per process (or identity); per document there
// is the seal, the layout of the values, one SHA-256 over the file and the two signatures
// (bench/documents-bench.ts measures it).
import type { KeyObject } from 'node:crypto';
import { version as packageVersion } from '../../../package.json';
import type { Certificate } from '../../../shared/domain/certificate';
import type { VoidStamp } from './layout/void-stamp-items';
import type { DocumentRecipe } from './recipe/document-recipe';
import { certificateRecord, LAYOUT_VERSION } from './recipe/document-recipe';
import { certificatePdfPrefix } from './layout/write-certificate-pdf';
import { signSeal } from './seal/seal-codec';
import type { SealKey } from './seal/seal-key';
import { sealPrivateKey } from './seal/seal-key';
import type { SigningIdentity } from './signing/identity';
import { cmsSignerOf, signPreparedPdf } from './signing/sign-pdf';
import { loadDocumentFonts, writeUnsignedCertificate } from './write-certificate-document';

export type SignerDetails = {
  identity: SigningIdentity;
  /** The authorised signatory, printed in the signature appearance. */
  signerName: string;
  /** The licensee's legal name ("Authorised signatory for …"). */
  licenseeName: string;
  signingTime?: Date;
  /** The signature's /Location; "United States" by default. */
  location?: string;
};

export type IssueSignedCertificateOptions = SignerDetails & {
  resourcesDir: string;
  sealKey: Pick<SealKey, 'privateKeyPkcs8Der'>;
  /**
   * Makes the signed VOID copy instead (31 CFR 592.301(a)(1)(v): the copy Census receives on
   * voiding): the same page stamped VOID with the date and reason, "(VOID)" in the title, sealed
   * (with a seal that says it is the VOID copy) and signed like the issued document.
   */
  voidStamp?: VoidStamp;
  /** The Info /Producer; "KP Desk <this build's version>" by default. */
  producer?: string;
  /** The vault's audit chain head at signing, carried in the signed recipe (an anchor). */
  auditHead?: { vault?: string; seq: number; hash: string };
};

export type SignedCertificateDocument = { pdf: Buffer; seal: string; recipe: DocumentRecipe };

const sealKeys = new WeakMap<Buffer, KeyObject>();
function sealKeyOf(pkcs8: Buffer): KeyObject {
  let key = sealKeys.get(pkcs8);
  if (key === undefined) {
    key = sealPrivateKey(pkcs8);
    sealKeys.set(pkcs8, key);
  }
  return key;
}

/** The recipe of a document: what the writer reads, recorded in the document itself. */
export function documentRecipeOf(
  certificate: Certificate,
  options: Omit<IssueSignedCertificateOptions, 'identity' | 'resourcesDir' | 'sealKey'> & {
    signingTime: Date;
  },
): DocumentRecipe {
  return {
    layout: LAYOUT_VERSION,
    record: certificateRecord(certificate),
    kind: options.voidStamp === undefined ? 'issued' : 'void',
    ...(options.voidStamp === undefined
      ? {}
      : { voidStamp: { reason: options.voidStamp.reason, date: options.voidStamp.date } }),
    signedAt: options.signingTime.toISOString(),
    signer: options.signerName,
    licensee: options.licenseeName,
    location: options.location ?? 'United States',
    producer: options.producer ?? `KP Desk ${packageVersion}`,
    ...(options.auditHead === undefined ? {} : { auditHead: { ...options.auditHead } }),
  };
}

/** Certificate record → signed, sealed PDF bytes (the issued variant, or the VOID copy). */
export async function issueSignedCertificate(
  certificate: Certificate,
  options: IssueSignedCertificateOptions,
): Promise<SignedCertificateDocument> {
  const signer = cmsSignerOf(options.identity);
  const recipe = documentRecipeOf(certificate, {
    ...options,
    signingTime: options.signingTime ?? new Date(),
  });
  const seal = signSeal(recipe.record, sealKeyOf(options.sealKey.privateKeyPkcs8Der), recipe.kind);
  const fonts = await loadDocumentFonts(options.resourcesDir);
  const unsigned = writeUnsignedCertificate(recipe, seal, fonts);
  return {
    pdf: signPreparedPdf(unsigned, signer, certificatePdfPrefix(fonts.subsets)),
    seal,
    recipe,
  };
}
