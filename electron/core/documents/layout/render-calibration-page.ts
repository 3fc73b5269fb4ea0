// A calibration page for the print-on-form overlay: crosshairs at known points, each labelled
// with its coordinates and its distance from the paper's left and top edges, and rulers along the
// top and left. Printed on plain paper at 100 % ("actual size", never "fit to page"), the user
// measures where the crosshairs landed and enters the differences as the printer's offsets;
// printed again with those offsets applied, the crosshairs land on their stated distances.
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import type { CertificateFonts } from './certificate-fonts';
import { embedCertificateFonts, loadCertificateFontFiles } from './certificate-fonts';
import { setDocumentMetadata } from './document-metadata';
import { PAGE_HEIGHT, PAGE_WIDTH } from './form-positions';
import { INK } from './place-field';
import type { PrinterCalibration } from './printer-calibration';
import { noCalibration, withCalibration } from './printer-calibration';

export type RenderCalibrationOptions = {
  resourcesDir: string;
  /** The offsets to test; the page then shows where the overlay will really print. */
  calibration?: PrinterCalibration;
  producer?: string;
  now?: Date;
};

/** The crosshairs: one inch in from each corner, and the page centre. */
export const calibrationPoints: readonly (readonly [number, number])[] = [
  [72, 540],
  [720, 540],
  [396, 306],
  [72, 72],
  [720, 72],
];

const MARK = rgb(0.75, 0.05, 0.05);
const mm = (pt: number): string => ((pt * 25.4) / 72).toFixed(1);
const inches = (pt: number): string => (pt / 72).toFixed(2);

function crosshair(page: PDFPage, fonts: CertificateFonts, x: number, y: number): void {
  const arm = 14;
  const line = { thickness: 0.4, color: MARK };
  page.drawLine({ start: { x: x - arm, y }, end: { x: x + arm, y }, ...line });
  page.drawLine({ start: { x, y: y - arm }, end: { x, y: y + arm }, ...line });
  page.drawCircle({ x, y, size: 6, borderColor: MARK, borderWidth: 0.4 });
  const fromTop = PAGE_HEIGHT - y;
  const labels = [
    `(${String(x)}, ${String(y)}) pt`,
    `${mm(x)} mm / ${inches(x)} in from left`,
    `${mm(fromTop)} mm / ${inches(fromTop)} in from top`,
  ];
  // Labels go towards the page's inside so they never fall off the printable area.
  const right = x < PAGE_WIDTH / 2 + 1;
  labels.forEach((text, index) => {
    const width = fonts.regular.pdf.widthOfTextAtSize(text, 7);
    page.drawText(text, {
      x: right ? x + 10 : x - 10 - width,
      y: y + (y > PAGE_HEIGHT / 2 ? -18 : 22) - index * 9,
      size: 7,
      font: fonts.regular.pdf,
      color: INK,
    });
  });
}

/** Ticks every 6 pt, longer every 36 pt, labelled every 72 pt (1 in). */
function rulers(page: PDFPage, fonts: CertificateFonts): void {
  const top = PAGE_HEIGHT - 36;
  const left = 36;
  const tick = (pt: number): number => (pt % 72 === 0 ? 10 : pt % 36 === 0 ? 6 : 3);
  page.drawLine({ start: { x: 36, y: top }, end: { x: 756, y: top }, thickness: 0.4, color: INK });
  page.drawLine({
    start: { x: left, y: 36 },
    end: { x: left, y: top },
    thickness: 0.4,
    color: INK,
  });
  for (let x = 36; x <= 756; x += 6) {
    page.drawLine({
      start: { x, y: top },
      end: { x, y: top - tick(x) },
      thickness: 0.3,
      color: INK,
    });
    if (x % 72 === 0)
      page.drawText(String(x), {
        x: x + 1.5,
        y: top - 16,
        size: 6,
        font: fonts.regular.pdf,
        color: INK,
      });
  }
  for (let y = 36; y <= top; y += 6) {
    page.drawLine({
      start: { x: left, y },
      end: { x: left + tick(y), y },
      thickness: 0.3,
      color: INK,
    });
    if (y % 72 === 0 && y < top)
      page.drawText(String(y), {
        x: left + 12,
        y: y - 2,
        size: 6,
        font: fonts.regular.pdf,
        color: INK,
      });
  }
}

function instructions(
  page: PDFPage,
  fonts: CertificateFonts,
  calibration: PrinterCalibration,
): void {
  const lines = [
    'KP Desk – printer calibration for the USKPA certificate form',
    'Print this page on plain letter paper at 100 % (actual size, not "fit to page"), then measure each crosshair’s',
    'centre from the paper’s left and top edges. Enter the differences as offsets (1 mm = 2.83 pt):',
    'printed too far left → positive X offset; printed too low → positive Y offset. The rulers measure 72 pt per inch:',
    'if 648 pt (9 in) along the top ruler measures otherwise, set the scale to 648 ÷ measured length in points.',
    `Applied now: offset X ${calibration.offsetX.toFixed(1)} pt, offset Y ${calibration.offsetY.toFixed(1)} pt, scale ${(calibration.scale ?? 1).toFixed(3)}`,
  ];
  lines.forEach((text, index) => {
    page.drawText(text, {
      x: 150,
      y: 470 - index * 12,
      size: index === 0 ? 10 : 8,
      font: index === 0 ? fonts.bold.pdf : fonts.regular.pdf,
      color: INK,
    });
  });
}

export async function renderCalibrationPageBytes(
  options: RenderCalibrationOptions,
): Promise<Uint8Array> {
  const calibration = options.calibration ?? noCalibration;
  const files = await loadCertificateFontFiles(options.resourcesDir);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedCertificateFonts(pdf, files);
  const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  instructions(page, fonts, calibration);
  withCalibration(page, calibration, () => {
    rulers(page, fonts);
    for (const [x, y] of calibrationPoints) crosshair(page, fonts, x, y);
  });
  setDocumentMetadata(pdf, {
    title: 'KP Desk printer calibration page',
    subject: 'Printer calibration',
    keywords: ['Kimberley Process', 'calibration'],
    producer: options.producer,
    now: options.now,
  });
  return pdf.save({ objectsPerTick: Infinity });
}
