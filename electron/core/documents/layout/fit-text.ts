// Fits a field's text into its box: each paragraph wraps at spaces within the box's width, and
// when the lines do not fit the box's line count the type size steps down to the box's minimum.
// Text that still does not fit is refused (DOCUMENT_TEXT_TOO_LONG): printing over the next box or
// off the form would make the certificate unreadable, and cutting text off would change what the
// certificate says.
import { AppFailure } from '../../app-failure';
import type { CertificateFontMetrics, FontWeight } from './certificate-fonts';

/** One paragraph of a field, e.g. the consignee's name or one line of its address. */
export type TextRun = { text: string; weight: FontWeight; source: string };

export type TextBox = {
  width: number;
  height: number;
  maxLines: number;
  fontSize: number;
  minFontSize: number;
};

export type FittedLine = { text: string; weight: FontWeight };
export type FittedText = { fontSize: number; lineHeight: number; lines: FittedLine[] };

const SIZE_STEP = 0.5;
export const LINE_HEIGHT_FACTOR = 1.2;
// DejaVu Sans' ascender and descender (em fractions): room for "Ó" above and "g" below a line.
export const ASCENT = 0.93;
export const DESCENT = 0.24;

/** Height from the top of the first line's accents to the bottom of the last line's descenders. */
export function blockHeight(lineCount: number, fontSize: number): number {
  return fontSize * (ASCENT + DESCENT + (lineCount - 1) * LINE_HEIGHT_FACTOR);
}

type Measure = (text: string, weight: FontWeight) => number;

/** Splits one word wider than the box (e.g. an e-mail address) between characters. */
function breakWord(word: string, width: number, measure: Measure, weight: FontWeight): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of word) {
    if (piece !== '' && measure(piece + character, weight) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

export function wrapRun(run: TextRun, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of run.text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate, run.weight) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    const pieces = breakWord(word, width, measure, run.weight);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Lays the runs out at the largest size from box.fontSize down to box.minFontSize that fits;
 * `boxName` names the box in the error, e.g. "Exporter (NAME, ADDRESS)".
 */
export function fitText(
  boxName: string,
  runs: readonly TextRun[],
  box: TextBox,
  fonts: CertificateFontMetrics,
): FittedText {
  for (let size = box.fontSize; size >= box.minFontSize - 1e-9; size -= SIZE_STEP) {
    const measure: Measure = (text, weight) => fonts[weight].widthOfTextAtSize(text, size);
    const lines = runs.flatMap((run) =>
      wrapRun(run, box.width, measure).map((text) => ({ text, weight: run.weight })),
    );
    if (lines.length <= box.maxLines && blockHeight(lines.length, size) <= box.height)
      return { fontSize: size, lineHeight: size * LINE_HEIGHT_FACTOR, lines };
  }
  const sources = [...new Set(runs.map((run) => run.source))];
  const message =
    `${sources.join(' and ')} ${sources.length > 1 ? 'are' : 'is'} too long for the "${boxName}" box on the certificate, ` +
    `even in ${String(box.minFontSize)} pt type. Shorten it.`;
  throw new AppFailure(
    'DOCUMENT_TEXT_TOO_LONG',
    message,
    Object.fromEntries(sources.map((source) => [source, message])),
  );
}
