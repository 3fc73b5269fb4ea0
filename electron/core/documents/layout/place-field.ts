// Turns a field's text runs into positioned lines inside its FormPosition, after checking that
// the font can print every character (assert-printable.ts) and fitting the text (fit-text.ts).
// Shared by the full certificate and the print-on-form overlay so both place text identically.
import { rgb } from 'pdf-lib';
import type { PDFPage, RGB } from 'pdf-lib';
import { assertPrintable } from './assert-printable';
import type { CertificateFontMetrics, CertificateFonts, FontWeight } from './certificate-fonts';
import type { FieldContent } from './certificate-field-contents';
import { ASCENT, blockHeight, fitText } from './fit-text';
import type { FormPosition } from './form-positions';

export type PlacedLine = { text: string; weight: FontWeight; x: number; y: number; size: number };

export const INK = rgb(0.05, 0.07, 0.12);

export function placeField(
  content: FieldContent,
  position: FormPosition,
  fonts: CertificateFontMetrics,
): PlacedLine[] {
  // NFC: "e" + combining acute becomes "é", the one glyph the font has; whitespace of any kind
  // (tabs, no-break spaces) separates words and prints as one space.
  const runs = content.runs
    .map((run) => ({ ...run, text: run.text.normalize('NFC').replace(/\s+/g, ' ').trim() }))
    .filter((run) => run.text !== '');
  for (const run of runs) assertPrintable(run.source, run.text, fonts[run.weight].coverage);
  if (runs.length === 0) return [];
  const fitted = fitText(content.boxName, runs, position, fonts);
  const used = blockHeight(fitted.lines.length, fitted.fontSize);
  const top = position.valign === 'middle' ? position.y - (position.height - used) / 2 : position.y;
  return fitted.lines.map((line, index) => {
    const width = fonts[line.weight].widthOfTextAtSize(line.text, fitted.fontSize);
    return {
      ...line,
      size: fitted.fontSize,
      x: position.align === 'center' ? position.x + (position.width - width) / 2 : position.x,
      y: top - ASCENT * fitted.fontSize - index * fitted.lineHeight,
    };
  });
}

export function drawPlacedLines(
  page: PDFPage,
  lines: readonly PlacedLine[],
  fonts: CertificateFonts,
  color: RGB = INK,
): void {
  for (const line of lines)
    page.drawText(line.text, {
      x: line.x,
      y: line.y,
      size: line.size,
      font: fonts[line.weight].pdf,
      color,
    });
}
