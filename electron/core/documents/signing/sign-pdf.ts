// Signs a certificate PDF as PAdES baseline B-B (ETSI EN 319 142-1): SubFilter
// ETSI.CAdES.detached, because that is the PAdES profile proper (adbe.pkcs7.detached is the
// legacy PDF 1.x one) and pdfsig, qpdf and Acrobat read it. One signature per document, with a
// visible appearance. The signature field, its value dictionary and its appearance are written
// with the rest of the file (layout/write-certificate-pdf.ts) around a zero-filled /Contents
// hole; signPreparedPdf then fills /ByteRange, hashes everything but the hole and writes the CMS
// into it. The hole is 16 KiB: the CMS is ~1.5–3 KiB today, and the room left takes an RFC 3161
// signature-time-stamp later (B-T) without moving a byte of the signed ranges; validation data
// (B-LT) goes in a DSS dictionary by incremental update (docs/signing.md).
import { createHash } from 'node:crypto';
import type { FontMetrics } from '../layout/certificate-fonts';
import type { PdfFontResources } from '../layout/paint-pdf-content';
import { paintPdfContent } from '../layout/paint-pdf-content';
import {
  pdfDate,
  pdfNumber,
  pdfTextString,
  serializeObject,
  serializeStream,
} from '../layout/pdf-writer';
import type { PdfPrefix } from '../layout/pdf-writer';
import type { ExtraObjects } from '../layout/write-certificate-pdf';
import { FIRST_EXTRA_OBJECT, FONT_RESOURCES, PAGE_OBJECT } from '../layout/write-certificate-pdf';
import type { CmsSigner, SignerCertificate } from './cms-signed-data';
import { buildSignedData, signerCertificate } from './cms-signed-data';
import type { SigningIdentity } from './identity';
import { openIdentity } from './identity';
import type { AppearanceText, SignatureRect } from './signature-appearance';
import { appearanceItems } from './signature-appearance';

/** Bytes reserved for the CMS (hex-encoded in the file, so twice as many characters). */
export const SIGNATURE_CONTENTS_BYTES = 16_384;

const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 0000000000 0000000000 0000000000]';
const EMPTY_CONTENTS = '0'.repeat(2 * SIGNATURE_CONTENTS_BYTES);

export type SignatureFieldOptions = AppearanceText & {
  /** Where the visible signature goes on page 1: [x1, y1, x2, y2] in PDF points. */
  rect: SignatureRect;
  location?: string;
  /** The page's regular font: its metrics, and its resources as the page names them. */
  font: FontMetrics;
  fonts: PdfFontResources;
};

/**
 * The ETSI developer extension in the catalog (ISO 32000-1 §7.12, extensions dictionary): PAdES
 * signatures are ETSI's extension to PDF 1.7, identified as /ESIC; level 2 is the level written
 * for CAdES-based signatures (SubFilter ETSI.CAdES.detached), as iText and other PAdES writers do.
 */
const ESIC_EXTENSION = ' /Extensions <</ESIC <</BaseVersion /1.7 /ExtensionLevel 2>>>>';

/**
 * The signature's objects for the document writer: the field's widget (printed, on page 1), the
 * signature dictionary with the /ByteRange placeholder and the /Contents hole, and the
 * appearance stream. PDF/A-2 (ISO 19005-2): the widget has the F key with only the Print flag
 * (§6.3.2) and an appearance dictionary with only /N, a stream (§6.3.3); neither widget nor field
 * has /A or /AA, and the form has no NeedAppearances (§6.4.1); the ByteRange covers the whole file
 * but the signature value and the CMS holds the signer's certificate and a single SignerInfo
 * (§6.4.3).
 */
export function signatureFieldObjects(options: SignatureFieldOptions): ExtraObjects {
  const widget = FIRST_EXTRA_OBJECT;
  const value = widget + 1;
  const appearance = widget + 2;
  const rect = options.rect.map(pdfNumber).join(' ');
  const { content } = paintPdfContent(
    appearanceItems(options.rect, options, options.font),
    options.fonts,
  );
  return {
    catalogEntries: ` /AcroForm <</Fields [${String(widget)} 0 R] /SigFlags 3>>${ESIC_EXTENSION}`,
    pageEntries: ` /Annots [${String(widget)} 0 R]`,
    objects: [
      serializeObject(
        widget,
        `<</Type /Annot /Subtype /Widget /FT /Sig /Rect [${rect}] /V ${String(value)} 0 R ` +
          `/T (Signature1) /F 4 /P ${String(PAGE_OBJECT)} 0 R /AP <</N ${String(appearance)} 0 R>>>>`,
      ),
      serializeObject(
        value,
        `<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ` +
          `${BYTE_RANGE_PLACEHOLDER} /Contents <${EMPTY_CONTENTS}> ` +
          `/Reason ${pdfTextString(`Kimberley Process certificate ${options.certificateNumber}`)} ` +
          `/M ${pdfDate(options.signingTime)} /ContactInfo () /Name ${pdfTextString(options.signerName)} ` +
          `/Location ${pdfTextString(options.location ?? 'United States')} ` +
          `/Prop_Build <</Filter <</Name /Adobe.PPKLite>> /App <</Name /KP#20Desk>>>>>>`,
      ),
      serializeStream(
        appearance,
        ` /Type /XObject /Subtype /Form /BBox [${rect}] /Resources <<${FONT_RESOURCES}>>`,
        content,
      ),
    ],
  };
}

// Opening an identity (parsing the key and certificate, checking that they match) and encoding
// its certificates is done once per identity object, not once per document.
const signers = new WeakMap<SigningIdentity, CmsSigner>();
const leaves = new WeakMap<Buffer, SignerCertificate>();

export function cmsSignerOf(identity: SigningIdentity): CmsSigner {
  let signer = signers.get(identity);
  if (signer === undefined) {
    const { privateKey } = openIdentity(identity);
    const [leafDer] = identity.certificateChainDer;
    if (leafDer === undefined)
      throw new Error('openIdentity accepts no identity without a certificate');
    let leaf = leaves.get(leafDer);
    if (leaf === undefined) {
      leaf = signerCertificate(leafDer);
      leaves.set(leafDer, leaf);
    }
    signer = { privateKey, chainDer: identity.certificateChainDer, leaf };
    signers.set(identity, signer);
  }
  return signer;
}

export type SignedByteRange = readonly [number, number, number, number];

/**
 * How many leading bytes of `pdf` are `prefix` (0 if none is given or the file does not start
 * with it). The comparison, a memcmp, costs a fraction of hashing the same bytes, and keeps the
 * digest honest if a caller ever passes the prefix of another file.
 */
function knownPrefixLength(pdf: Buffer, prefix: PdfPrefix | undefined): number {
  const length = prefix?.bytes.length ?? 0;
  const starts =
    prefix !== undefined &&
    pdf.length >= length &&
    pdf.compare(prefix.bytes, 0, length, 0, length) === 0;
  return starts ? length : 0;
}

/**
 * Writes the /ByteRange of the placeholder written by signatureFieldObjects (everything but the
 * /Contents hole) and returns it. The verifier's page binding (verify/check-page-binding.ts)
 * calls it on the document it writes again, so both files carry the same array, byte for byte.
 * `from`: where to start looking (the constant prefix holds no signature).
 */
export function placeByteRange(pdf: Buffer, from = 0): SignedByteRange {
  const at = pdf.indexOf(BYTE_RANGE_PLACEHOLDER, from, 'latin1');
  const hole = pdf.indexOf('/Contents <', at, 'latin1') + '/Contents '.length;
  if (at === -1 || hole < at) throw new Error('The PDF has no signature placeholder.');
  const holeEnd = hole + 2 * SIGNATURE_CONTENTS_BYTES + 2; // '<' hex '>'
  // The real numbers are shorter than the placeholder's: spaces after the array fill the rest.
  const byteRange = `/ByteRange [0 ${String(hole)} ${String(holeEnd)} ${String(pdf.length - holeEnd)}]`;
  pdf.write(byteRange.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '), at, 'latin1');
  return [0, hole, holeEnd, pdf.length - holeEnd];
}

/**
 * Fills the placeholder written by signatureFieldObjects: byte range, then the CMS. `prefix` is
 * the constant start of the file as the writer had it (write-certificate-pdf.ts), if known.
 */
export function signPreparedPdf(pdf: Buffer, signer: CmsSigner, prefix?: PdfPrefix): Buffer {
  const known = knownPrefixLength(pdf, prefix);
  const [, hole, holeEnd] = placeByteRange(pdf, known);
  // SHA-256 of the two signed ranges, continuing from the prefix's hash state when there is one.
  const hash = known > 0 && prefix !== undefined ? prefix.sha256.copy() : createHash('sha256');
  const digest = hash.update(pdf.subarray(known, hole)).update(pdf.subarray(holeEnd)).digest();
  const cms = buildSignedData(digest, signer);
  if (cms.length > SIGNATURE_CONTENTS_BYTES)
    throw new Error('The CMS signature does not fit its hole.');
  pdf.write(cms.toString('hex'), hole + 1, 'latin1');
  return pdf;
}
