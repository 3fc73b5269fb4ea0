// The full digital certificate: one letter-landscape page laid out like the US form, with the
// certificate's data in its boxes, metadata naming the certificate, and optionally the signed QR
// seal and a reserved area for the visible signature. The document is returned unsaved so the
// signing step can add its signature placeholder; renderCertificatePdfBytes saves it with a
// classic cross-reference table, which the signing step needs for its incremental update.
import { PDFDocument } from 'pdf-lib';
import type { Certificate } from '../../../../shared/domain/certificate';
import { embedCertificateFonts, loadCertificateFontFiles } from './certificate-fonts';
import { certificateFieldContents } from './certificate-field-contents';
import { drawCertificateForm } from './draw-certificate-form';
import { setDocumentMetadata } from './document-metadata';
import type { VoidStamp } from './draw-void-stamp';
import { prepareVoidStamp } from './draw-void-stamp';
import type { FormFieldKey, Rect } from './form-positions';
import {
  formPositions,
  numberPositions,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  sealBox,
  signatureBox,
} from './form-positions';
import type { PlacedLine } from './place-field';
import { drawPlacedLines, placeField } from './place-field';

export type RenderCertificateOptions = {
  /** Directory holding fonts/DejaVuSans*.ttf (the packaged app: process.resourcesPath). */
  resourcesDir: string;
  variant: 'issued' | 'void';
  /** Required for the void variant. */
  voidStamp?: VoidStamp;
  /** PNG of the signed QR seal, placed in the reserved box at the bottom left (sealRect). */
  sealQrPng?: Uint8Array;
  /**
   * Caption the seal box although no PNG is given, for a caller that draws the QR itself into
   * sealRect (e.g. as vectors). Implied by sealQrPng.
   */
  sealBox?: boolean;
  /** Reserve (and frame) the area for the visible signature and return its rectangle. */
  signatureBox?: boolean;
  /** Producer metadata, e.g. "KP Desk 1.2.0"; defaults to this build's version. */
  producer?: string;
  /** Creation date written into the metadata; defaults to the current time. */
  now?: Date;
};

/** [x1, y1, x2, y2] in PDF points from the page's bottom-left corner (a PDF /Rect). */
export type PdfRect = [number, number, number, number];

export type RenderedCertificate = {
  pdf: PDFDocument;
  signatureRect: PdfRect | null;
  sealRect: PdfRect;
};

const toPdfRect = (rect: Rect): PdfRect => [
  rect.x,
  rect.y,
  rect.x + rect.width,
  rect.y + rect.height,
];

export async function renderCertificatePdf(
  certificate: Certificate,
  options: RenderCertificateOptions,
): Promise<RenderedCertificate> {
  if (options.variant === 'void' && options.voidStamp === undefined)
    throw new Error('The VOID variant needs voidStamp (reason and date)');
  const files = await loadCertificateFontFiles(options.resourcesDir);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedCertificateFonts(pdf, files);

  // Every value is checked and fitted before anything is drawn (place-field.ts).
  const contents = certificateFieldContents(certificate);
  const placed: PlacedLine[] = (Object.keys(formPositions) as (FormFieldKey | 'itn')[]).flatMap(
    (key) => placeField(contents[key], formPositions[key], fonts),
  );
  const number = {
    boxName: 'Certificate No.',
    runs: [{ source: 'number', text: certificate.number, weight: 'bold' as const }],
  };
  placed.push(
    ...placeField(number, numberPositions.top, fonts),
    ...placeField(number, numberPositions.bottom, fonts),
  );

  const drawVoid =
    options.variant === 'void' && options.voidStamp !== undefined
      ? prepareVoidStamp(fonts, options.voidStamp)
      : undefined;

  const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  drawCertificateForm(page, fonts, {
    signatureBox: options.signatureBox === true,
    seal: options.sealQrPng !== undefined || options.sealBox === true,
  });
  drawPlacedLines(page, placed, fonts);
  if (options.sealQrPng !== undefined) {
    const seal = await pdf.embedPng(options.sealQrPng);
    page.drawImage(seal, sealBox);
  }
  drawVoid?.(page);
  const title = `Kimberley Process Certificate ${certificate.number}`;
  setDocumentMetadata(pdf, {
    title: options.variant === 'void' ? `${title} (VOID)` : title,
    subject: certificate.number,
    keywords: ['Kimberley Process', certificate.number, certificate.itn].filter((k) => k !== ''),
    producer: options.producer,
    now: options.now,
  });
  return {
    pdf,
    signatureRect: options.signatureBox === true ? toPdfRect(signatureBox) : null,
    sealRect: toPdfRect(sealBox),
  };
}

/** The certificate saved without object streams: a classic xref the signing step can extend. */
export async function renderCertificatePdfBytes(
  certificate: Certificate,
  options: RenderCertificateOptions,
): Promise<Uint8Array> {
  const { pdf } = await renderCertificatePdf(certificate, options);
  // objectsPerTick: pdf-lib otherwise pauses on a timer every 50 objects, which costs
  // milliseconds per document and buys nothing for a one-page PDF.
  return pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
