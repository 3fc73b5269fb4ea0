// Composes the signed certificate document: seal the record (QR code on the page and the same
// text in the Info dictionary), render the page (layout/), then sign it as PAdES B-B. The seal is
// made first because the page prints it, and the signature comes last because it covers it all.
import type { PDFDocument } from 'pdf-lib';
import type { Certificate } from '../../../shared/domain/certificate';
import { renderCertificatePdf } from './layout/render-certificate-pdf';
import { embedSealText } from './seal/embed-seal-text';
import { signSeal } from './seal/seal-codec';
import type { SealKey } from './seal/seal-key';
import { sealPrivateKey } from './seal/seal-key';
import { drawSealQr } from './seal/draw-seal-qr';
import type { SigningIdentity } from './signing/identity';
import type { SignatureRect } from './signing/signature-appearance';
import { signPdf } from './signing/sign-pdf';

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
};

export type SignedCertificateDocument = { pdf: Buffer; seal: string };

/** Signs an already laid-out document whose page 1 carries the seal's QR (any renderer). */
export async function sealAndSignDocument(
  pdf: PDFDocument,
  certificate: Certificate,
  seal: string,
  signatureRect: SignatureRect,
  options: SignerDetails & { resourcesDir: string },
): Promise<Buffer> {
  embedSealText(pdf, seal);
  return signPdf(pdf, {
    identity: options.identity,
    signingTime: options.signingTime ?? new Date(),
    signerName: options.signerName,
    licenseeName: options.licenseeName,
    certificateNumber: certificate.number,
    rect: signatureRect,
    resourcesDir: options.resourcesDir,
  });
}

/** Certificate record → signed, sealed PDF bytes (the issued variant). */
export async function issueSignedCertificate(
  certificate: Certificate,
  options: IssueSignedCertificateOptions,
): Promise<SignedCertificateDocument> {
  const seal = signSeal(certificate, sealPrivateKey(options.sealKey.privateKeyPkcs8Der));
  const rendered = await renderCertificatePdf(certificate, {
    resourcesDir: options.resourcesDir,
    variant: 'issued',
    signatureBox: true,
    now: options.signingTime,
  });
  if (rendered.signatureRect === null) throw new Error('The layout reserved no signature box.');
  // Vector QR in the seal box rather than the renderer's PNG path (seal/draw-seal-qr.ts: faster).
  drawSealQr(rendered.pdf.getPage(0), seal, rendered.sealRect);
  const pdf = await sealAndSignDocument(
    rendered.pdf,
    certificate,
    seal,
    rendered.signatureRect,
    options,
  );
  return { pdf, seal };
}
