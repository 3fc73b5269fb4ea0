// The print-on-form overlay: only the certificate's data, no labels, frames or title, placed for
// USKPA's pre-printed security form at the same positions the full certificate uses
// (form-positions.ts) and shifted by the printer's calibration. The certificate number is left
// out because the blank forms come pre-numbered; the user loads the form whose number matches.
import { PDFDocument } from 'pdf-lib';
import type { Certificate } from '../../../../shared/domain/certificate';
import { embedCertificateFonts, loadCertificateFontFiles } from './certificate-fonts';
import { certificateFieldContents } from './certificate-field-contents';
import { setDocumentMetadata } from './document-metadata';
import type { FormFieldKey } from './form-positions';
import { formPositions, PAGE_HEIGHT, PAGE_WIDTH } from './form-positions';
import { drawPlacedLines, placeField } from './place-field';
import type { PrinterCalibration } from './printer-calibration';
import { noCalibration, withCalibration } from './printer-calibration';

export type RenderOverlayOptions = {
  resourcesDir: string;
  calibration?: PrinterCalibration;
  producer?: string;
  now?: Date;
};

export async function renderOverlayPdfBytes(
  certificate: Certificate,
  options: RenderOverlayOptions,
): Promise<Uint8Array> {
  const files = await loadCertificateFontFiles(options.resourcesDir);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedCertificateFonts(pdf, files);
  const contents = certificateFieldContents(certificate);
  const placed = (Object.keys(formPositions) as (FormFieldKey | 'itn')[]).flatMap((key) =>
    placeField(contents[key], formPositions[key], fonts),
  );
  const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  withCalibration(page, options.calibration ?? noCalibration, () => {
    drawPlacedLines(page, placed, fonts);
  });
  setDocumentMetadata(pdf, {
    title: `Print-on-form overlay for Kimberley Process Certificate ${certificate.number}`,
    subject: certificate.number,
    keywords: ['Kimberley Process', certificate.number, 'overlay'],
    producer: options.producer,
    now: options.now,
  });
  return pdf.save({ objectsPerTick: Infinity });
}
