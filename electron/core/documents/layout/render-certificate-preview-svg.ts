// The preview of page 1 that the issuance wizard's review step shows ("a preview of the real
// document"): the same display list the PDF is written from (certificate-page-layout.ts), painted
// as SVG (paint-svg.ts), so the two cannot drift apart. No PDF renderer or native binary is
// needed, which the packaged app does not have. The documents:preview channel (H4F) calls:
//
//   renderCertificatePreviewSvg(record: PrintableRecord, options: CertificatePreviewOptions)
//     : Promise<string>   // an SVG document, 792 × 612 user units (PDF points)
//
// with a Certificate (issued record), or previewRecordFromDraft(draft) for a draft (no number,
// ITN or seal yet: those stay blank). A value the PDF would refuse (a character the certificate
// cannot print, text too long for its box) is refused here too, with the same AppFailure
// (DOCUMENT_TEXT_UNSUPPORTED / DOCUMENT_TEXT_TOO_LONG) naming the field.
import { sealQrSymbol } from '../seal/seal-qr-symbol';
import type { AppearanceText } from '../signing/signature-appearance';
import { appearanceItems } from '../signing/signature-appearance';
import { loadCertificateFontFiles } from './certificate-fonts';
import type { PrintableRecord } from './certificate-field-contents';
import { layoutCertificatePage } from './certificate-page-layout';
import type { DisplayItem } from './display-list';
import { paintSvg } from './paint-svg';
import type { VoidStamp } from './void-stamp-items';

export type CertificatePreviewOptions = {
  /** Directory holding fonts/DejaVuSans*.ttf: the layout measures with the real fonts. */
  resourcesDir: string;
  /** The issued record's seal text (from its signed PDF): drawn as the same QR code. */
  seal?: string;
  /** A voided record: the VOID stamp with its date and reason. */
  voidStamp?: VoidStamp;
  /** Frame the signature area as the signed PDF does (default true). */
  signatureBox?: boolean;
  /** Show the visible signature as the signed PDF shows it (an issued record). */
  signature?: Omit<AppearanceText, 'certificateNumber'>;
};

export async function renderCertificatePreviewSvg(
  record: PrintableRecord,
  options: CertificatePreviewOptions,
): Promise<string> {
  const files = await loadCertificateFontFiles(options.resourcesDir);
  const page = layoutCertificatePage(record, files, {
    voidStamp: options.voidStamp,
    sealQr: options.seal === undefined ? undefined : sealQrSymbol(options.seal),
    sealBox: false, // as issueSignedCertificate lays the page out
    signatureBox: options.signatureBox ?? true,
  });
  const signature: DisplayItem[] =
    options.signature !== undefined && page.signatureRect !== null
      ? appearanceItems(
          page.signatureRect,
          { ...options.signature, certificateNumber: record.number },
          files.regular,
        )
      : [];
  const title =
    record.number === ''
      ? 'Preview of a draft Kimberley Process Certificate'
      : `Preview of Kimberley Process Certificate ${record.number}`;
  return paintSvg({ ...page.list, items: [...page.list.items, ...signature] }, title);
}
