// The printed form of the full certificate, everything but the data: double frame, title lines
// and statement (31 CFR 592.307(a), as on the US form), the labelled boxes, the AES block, the
// issuing authority, the number box and the footer. The data goes into the boxes of
// form-positions.ts, which the print-on-form overlay uses too.
import { rgb } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import { formText } from '../../../../shared/reference/reference-data';
import type { CertificateFonts, FontWeight } from './certificate-fonts';
import { wrapRun } from './fit-text';
import type { Rect } from './form-positions';
import { aesBox, formBoxes, numberBox, PAGE_WIDTH, sealBox, signatureBox } from './form-positions';
import { INK } from './place-field';

const RULE = rgb(0.12, 0.2, 0.38);
const LABEL = rgb(0.22, 0.27, 0.36);
const CENTER = PAGE_WIDTH / 2;

type TextStyle = { size: number; weight?: FontWeight; color?: typeof INK };

function text(
  page: PDFPage,
  fonts: CertificateFonts,
  value: string,
  x: number,
  y: number,
  style: TextStyle & { align?: 'left' | 'center' | 'right' },
): void {
  const font = fonts[style.weight ?? 'regular'].pdf;
  const width = font.widthOfTextAtSize(value, style.size);
  const left = style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x;
  page.drawText(value, { x: left, y, size: style.size, font, color: style.color ?? INK });
}

function box(page: PDFPage, rect: Rect, borderWidth = 0.8): void {
  page.drawRectangle({ ...rect, borderColor: RULE, borderWidth });
}

function label(page: PDFPage, fonts: CertificateFonts, value: string, rect: Rect): void {
  text(page, fonts, value, rect.x + 6, rect.y + rect.height - 10.5, { size: 7.5, color: LABEL });
}

function drawHeader(page: PDFPage, fonts: CertificateFonts): void {
  const [title = '', country = ''] = formText.asPrinted.titleLines;
  text(page, fonts, title, CENTER, 560, { size: 20, weight: 'bold', align: 'center' });
  text(page, fonts, country, CENTER, 541, { size: 12.5, weight: 'bold', align: 'center' });
  const statement = { text: formText.asPrinted.statement, weight: 'regular', source: '' } as const;
  const lines = wrapRun(statement, 600, (t, w) => fonts[w].pdf.widthOfTextAtSize(t, 9.5));
  lines.forEach((line, index) => {
    text(page, fonts, line, CENTER, 520 - index * 12, { size: 9.5, align: 'center' });
  });
  text(page, fonts, 'Certificate No.', 40, 580, { size: 7, color: LABEL });
}

function drawAesBlock(page: PDFPage, fonts: CertificateFonts): void {
  const [heading = '', requirement = ''] = formText.asPrinted.aesBlock;
  box(page, aesBox, 1.2);
  text(page, fonts, heading, aesBox.x + 6, aesBox.y + aesBox.height - 11, {
    size: 8.5,
    weight: 'bold',
  });
  text(page, fonts, requirement, aesBox.x + 6, aesBox.y + 6, { size: 7, color: LABEL });
  text(page, fonts, formText.asPrinted.issuingAuthorityLine, PAGE_WIDTH - 36, aesBox.y + 34, {
    size: 10,
    weight: 'bold',
    align: 'right',
  });
}

function drawFooter(page: PDFPage, fonts: CertificateFonts): void {
  formText.footerLines.forEach((line, index) => {
    text(page, fonts, line, CENTER, 56 - index * 9, { size: 6.8, color: LABEL, align: 'center' });
  });
}

export function drawCertificateForm(
  page: PDFPage,
  fonts: CertificateFonts,
  options: { signatureBox: boolean; seal: boolean },
): void {
  page.drawRectangle({ x: 16, y: 16, width: 760, height: 580, borderColor: RULE, borderWidth: 2 });
  page.drawRectangle({
    x: 21,
    y: 21,
    width: 750,
    height: 570,
    borderColor: RULE,
    borderWidth: 0.5,
  });
  drawHeader(page, fonts);
  for (const { label: name, rect } of Object.values(formBoxes)) {
    box(page, rect);
    label(page, fonts, name, rect);
  }
  drawAesBlock(page, fonts);
  box(page, numberBox, 1.6);
  label(page, fonts, 'Certificate No.', numberBox);
  const caption = { size: 7, color: LABEL };
  if (options.signatureBox) {
    box(page, signatureBox, 0.5);
    const { x, y, height } = signatureBox;
    text(page, fonts, 'Digital signature of the issuing licensee', x, y + height + 4, caption);
  }
  if (options.seal) {
    const { x, y, height } = sealBox;
    text(page, fonts, 'Verification seal', x, y + height + 4, caption);
  }
  drawFooter(page, fonts);
}
