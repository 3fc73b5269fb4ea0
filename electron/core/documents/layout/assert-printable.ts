// A certificate must show exactly what was declared (31 CFR 592.307): a character the font has
// no glyph for would print as an empty box or a wrong sign, so it is refused before anything is
// drawn, naming the field and the character. Right-to-left scripts are refused too, although the
// font has their letters: pdf-lib lays text out left to right only, so such a name would print
// reversed. Combining marks left after NFC normalisation are refused because pdf-lib does not
// position them over their base letter.
import type { Font } from '@pdf-lib/fontkit';
import { AppFailure } from '../../app-failure';

const RIGHT_TO_LEFT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{M}\u2028\u2029]/u;

function describe(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return UNPRINTABLE.test(character) || character.trim() === '' ? hex : `"${character}"`;
}

/**
 * Throws DOCUMENT_TEXT_UNSUPPORTED when `text` (one line, already NFC-normalised) holds a
 * character the font cannot print. `field` is the certificate field's path, e.g. "consignee.name".
 */
export function assertPrintable(field: string, text: string, font: Font): void {
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    const rightToLeft = RIGHT_TO_LEFT.test(character);
    if (!rightToLeft && !UNPRINTABLE.test(character) && font.hasGlyphForCodePoint(codePoint))
      continue;
    const why = rightToLeft
      ? 'a right-to-left character, which the certificate cannot print in the right order'
      : 'which the certificate font cannot print';
    const message = `${field} contains ${describe(character)}, ${why}. Write it in Latin letters as on the shipping documents.`;
    throw new AppFailure('DOCUMENT_TEXT_UNSUPPORTED', message, { [field]: message });
  }
}
