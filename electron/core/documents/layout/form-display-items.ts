// The printed form of the full certificate as display items, everything but the data: double
// frame, title lines and statement (31 CFR 592.307(a), as on the US form), the labelled boxes,
// the AES block, the issuing authority, the number box and the footer. The data goes into the
// boxes of form-positions.ts, which the print-on-form overlay uses too. The items depend only on
// the options, so a caller may build them once and reuse them.
import { formText } from '../../../../shared/reference/reference-data';
import type { CertificateFontMetrics, FontWeight } from './certificate-fonts';
import type { DisplayItem, Rgb } from './display-list';
import { wrapRun } from './fit-text';
import type { Rect } from './form-positions';
import { aesBox, formBoxes, numberBox, PAGE_WIDTH, sealBox, signatureBox } from './form-positions';

export const INK_RGB: Rgb = [0.05, 0.07, 0.12];
const RULE: Rgb = [0.12, 0.2, 0.38];
const LABEL: Rgb = [0.22, 0.27, 0.36];
const CENTER = PAGE_WIDTH / 2;

type TextStyle = {
  size: number;
  weight?: FontWeight;
  color?: Rgb;
  align?: 'left' | 'center' | 'right';
};

export type FormOptions = { signatureBox: boolean; seal: boolean };

export function formDisplayItems(
  fonts: CertificateFontMetrics,
  options: FormOptions,
): DisplayItem[] {
  const items: DisplayItem[] = [];
  const text = (value: string, x: number, y: number, style: TextStyle): void => {
    const weight = style.weight ?? 'regular';
    const width = fonts[weight].widthOfTextAtSize(value, style.size);
    const left = style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x;
    items.push({
      kind: 'text',
      text: value,
      x: left,
      y,
      size: style.size,
      weight,
      color: style.color ?? INK_RGB,
      width,
    });
  };
  const box = (rect: Rect, lineWidth = 0.8): void => {
    items.push({ kind: 'rect', ...rect, stroke: RULE, lineWidth });
  };
  const label = (value: string, rect: Rect): void => {
    text(value, rect.x + 6, rect.y + rect.height - 10.5, { size: 7.5, color: LABEL });
  };

  box({ x: 16, y: 16, width: 760, height: 580 }, 2);
  box({ x: 21, y: 21, width: 750, height: 570 }, 0.5);
  // Header: title, country, the statement wrapped to 600 pt, and the number's caption.
  const [title = '', country = ''] = formText.asPrinted.titleLines;
  text(title, CENTER, 560, { size: 20, weight: 'bold', align: 'center' });
  text(country, CENTER, 541, { size: 12.5, weight: 'bold', align: 'center' });
  const statement = { text: formText.asPrinted.statement, weight: 'regular', source: '' } as const;
  const lines = wrapRun(statement, 600, (t, w) => fonts[w].widthOfTextAtSize(t, 9.5));
  lines.forEach((line, index) => {
    text(line, CENTER, 520 - index * 12, { size: 9.5, align: 'center' });
  });
  text('Certificate No.', 40, 580, { size: 7, color: LABEL });

  for (const { label: name, rect } of Object.values(formBoxes)) {
    box(rect);
    label(name, rect);
  }
  // The AES block and the issuing authority beside it.
  const [heading = '', requirement = ''] = formText.asPrinted.aesBlock;
  box(aesBox, 1.2);
  text(heading, aesBox.x + 6, aesBox.y + aesBox.height - 11, { size: 8.5, weight: 'bold' });
  text(requirement, aesBox.x + 6, aesBox.y + 6, { size: 7, color: LABEL });
  text(formText.asPrinted.issuingAuthorityLine, PAGE_WIDTH - 36, aesBox.y + 34, {
    size: 10,
    weight: 'bold',
    align: 'right',
  });

  box(numberBox, 1.6);
  label('Certificate No.', numberBox);
  const caption = { size: 7, color: LABEL };
  if (options.signatureBox) {
    box(signatureBox, 0.5);
    const { x, y, height } = signatureBox;
    text('Digital signature of the issuing licensee', x, y + height + 4, caption);
  }
  if (options.seal) {
    const { x, y, height } = sealBox;
    text('Verification seal', x, y + height + 4, caption);
  }
  formText.footerLines.forEach((line, index) => {
    text(line, CENTER, 56 - index * 9, { size: 6.8, color: LABEL, align: 'center' });
  });
  return items;
}
