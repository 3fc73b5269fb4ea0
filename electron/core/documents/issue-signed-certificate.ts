// Composes the signed certificate document: seal the record (QR code on the page and the same
// text in the Info dictionary), lay out and write the page (layout/), then sign it as PAdES B-B.
// The seal is made first because the page prints it, and the signature comes last because it
// covers it all. Fonts, the printed form and the signer's parsed key are prepared once per
// process (or identity); per document there is the seal, the layout of the values, one SHA-256
// over the file and the two signatures (bench/documents-bench.ts measures it).
import type { KeyObject } from 'node:crypto';
import type { Certificate } from '../../../shared/domain/certificate';
import type { VoidStamp } from './layout/void-stamp-items';
import { certificatePdfPrefix, pdfFontResources } from './layout/write-certificate-pdf';
import { prepareCertificate, writePreparedCertificate } from './layout/render-certificate-pdf';
import { SEAL_INFO_KEY, assertSealText } from './seal/embed-seal-text';
import { signSeal } from './seal/seal-codec';
import type { SealKey } from './seal/seal-key';
import { sealPrivateKey } from './seal/seal-key';
import { sealQrSymbol } from './seal/seal-qr-symbol';
import type { SigningIdentity } from './signing/identity';
import { cmsSignerOf, signatureFieldObjects, signPreparedPdf } from './signing/sign-pdf';

export type SignerDetails = {
  identity: SigningIdentity;
  /** The authorised signatory, printed in the signature appearance. */
  signerName: string;
  /** The licensee's legal name ("Authorised signatory for …"). */
  licenseeName: string;
  signingTime?: Date;
};

export type IssueSignedCertificateOptions = SignerDetails & {
  resourcesDir: string;
  sealKey: Pick<SealKey, 'privateKeyPkcs8Der'>;
  /**
   * Makes the signed VOID copy instead (31 CFR 592.301(a)(1)(v): the copy Census receives on
   * voiding): the same page stamped VOID with the date and reason, "(VOID)" in the title, sealed
   * and signed like the issued document.
   */
  voidStamp?: VoidStamp;
};

export type SignedCertificateDocument = { pdf: Buffer; seal: string };

const sealKeys = new WeakMap<Buffer, KeyObject>();
function sealKeyOf(pkcs8: Buffer): KeyObject {
  let key = sealKeys.get(pkcs8);
  if (key === undefined) {
    key = sealPrivateKey(pkcs8);
    sealKeys.set(pkcs8, key);
  }
  return key;
}

/** Certificate record → signed, sealed PDF bytes (the issued variant, or the VOID copy). */
export async function issueSignedCertificate(
  certificate: Certificate,
  options: IssueSignedCertificateOptions,
): Promise<SignedCertificateDocument> {
  const signer = cmsSignerOf(options.identity);
  const seal = signSeal(certificate, sealKeyOf(options.sealKey.privateKeyPkcs8Der));
  assertSealText(seal);
  const signingTime = options.signingTime ?? new Date();
  const prepared = await prepareCertificate(certificate, {
    resourcesDir: options.resourcesDir,
    variant: options.voidStamp === undefined ? 'issued' : 'void',
    voidStamp: options.voidStamp,
    sealQr: sealQrSymbol(seal),
    // The issued page has never captioned its seal; the preview of it matches.
    sealBox: false,
    signatureBox: true,
    now: signingTime,
    author: options.licenseeName,
  });
  const { signatureRect } = prepared.page;
  if (signatureRect === null) throw new Error('The layout reserved no signature box.');
  const field = signatureFieldObjects({
    rect: signatureRect,
    signerName: options.signerName,
    licenseeName: options.licenseeName,
    certificateNumber: certificate.number,
    signingTime,
    font: prepared.files.regular,
    fonts: pdfFontResources(prepared.subsets),
  });
  // The seal also travels as text in the Info dictionary, inside the signed bytes.
  const unsigned = writePreparedCertificate(prepared, field, ` /${SEAL_INFO_KEY} (${seal})`);
  return {
    pdf: signPreparedPdf(unsigned, signer, certificatePdfPrefix(prepared.subsets)),
    seal,
  };
}
