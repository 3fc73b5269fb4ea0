// Signs a PDF as PAdES baseline B-B (ETSI EN 319 142-1): SubFilter ETSI.CAdES.detached, because
// that is the PAdES profile proper (adbe.pkcs7.detached is the legacy PDF 1.x one) and pdfsig,
// qpdf and Acrobat read it. One signature per document, with a visible appearance.
// The /Contents hole is 16 KiB: the CMS is ~1.5-3 KiB today, and the room left takes an RFC 3161
// signature-time-stamp later (B-T) without moving a byte of the signed ranges; validation data
// (B-LT) goes in a DSS dictionary by incremental update (docs/signing.md).
import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { PDFDocument } from 'pdf-lib';
import type { EmbeddedFont } from '../layout/certificate-fonts';
import type { CertificateFields } from './certificate-fields';
import { certificateFields } from './certificate-fields';
import type { CmsSigner } from './cms-signed-data';
import { buildSignedData } from './cms-signed-data';
import type { SigningIdentity } from './identity';
import { openIdentity } from './identity';
import type { SignatureRect } from './signature-appearance';
import { attachAppearance, buildAppearance } from './signature-appearance';

/** Bytes reserved for the CMS (hex-encoded in the file, so twice as many characters). */
export const SIGNATURE_CONTENTS_BYTES = 16_384;

export type SignPdfOptions = {
  identity: SigningIdentity;
  signingTime: Date;
  signerName: string;
  licenseeName: string;
  certificateNumber: string;
  /** Where the visible signature goes on page 1: [x1, y1, x2, y2] in PDF points. */
  rect: SignatureRect;
  /** Holds fonts/DejaVuSans.ttf (the packaged app passes process.resourcesPath). */
  resourcesDir: string;
  location?: string;
  /** The layout's regular font, already embedded in `pdf`, to draw the appearance with;
   *  without it DejaVu Sans is embedded a second time (a second, small subset). */
  appearanceFont?: EmbeddedFont;
};

/** @signpdf hands us the bytes of the two ranges; we return the DER CMS for the hole. */
class CadesDetachedSigner extends Signer {
  constructor(private readonly signer: CmsSigner) {
    super();
  }

  override sign(signedBytes: Buffer): Promise<Buffer> {
    const digest = createHash('sha256').update(signedBytes).digest();
    return Promise.resolve(buildSignedData(digest, this.signer));
  }
}

const certificateCache = new WeakMap<Buffer, CertificateFields>();
const fieldsOf = (der: Buffer): CertificateFields => {
  let fields = certificateCache.get(der);
  if (fields === undefined) {
    fields = certificateFields(der);
    certificateCache.set(der, fields);
  }
  return fields;
};

/** Adds the signature field and appearance to `pdf`, saves it and signs the saved bytes. */
export async function signPdf(pdf: PDFDocument, options: SignPdfOptions): Promise<Buffer> {
  const { privateKey } = openIdentity(options.identity);
  const chain = options.identity.certificateChainDer.map(fieldsOf);
  const page = pdf.getPage(0);
  const { rect } = options;
  const appearance = await buildAppearance(
    pdf,
    rect,
    options,
    options.resourcesDir,
    options.appearanceFont,
  );
  pdflibAddPlaceholder({
    pdfDoc: pdf,
    pdfPage: page,
    reason: `Kimberley Process certificate ${options.certificateNumber}`,
    contactInfo: '',
    name: options.signerName,
    location: options.location ?? 'United States',
    signingTime: options.signingTime,
    // @signpdf counts hex digits: twice the bytes of CMS the hole can hold.
    signatureLength: 2 * SIGNATURE_CONTENTS_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: [...rect],
    appName: 'KP Desk',
  });
  attachAppearance(page, appearance);
  // No object streams: the signature dictionary and the Info dictionary (which carries the seal
  // text) stay plain, so the verifier can read them without inflating anything.
  const unsigned = await pdf.save({ useObjectStreams: false });
  return new SignPdf().sign(Buffer.from(unsigned), new CadesDetachedSigner({ privateKey, chain }));
}
