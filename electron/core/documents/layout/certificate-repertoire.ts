// The characters a certificate can print: the Latin, Greek and Cyrillic alphabets with their
// accented letters, and the punctuation, currency and letter-like signs of business addresses.
// The fonts are embedded once per process as a fixed subset of exactly these characters
// (embedded-font-subset.ts), so no document pays for subsetting a font; a character outside the
// repertoire is refused (assert-printable.ts) like one the font has no glyph for. The names on a
// KP certificate are written in Latin letters as on the shipping documents (31 CFR 592.307
// asks for the exporter's and consignee's names and addresses as declared), so a wider
// repertoire (Armenian, Georgian, symbols…) would only make every certificate larger.

/** Inclusive Unicode ranges, in ascending order. */
export const CERTIFICATE_REPERTOIRE: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x024f], // Latin-1 Supplement, Latin Extended-A and -B
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x04ff], // Cyrillic
  [0x1e00, 0x1eff], // Latin Extended Additional (e.g. Vietnamese)
  [0x2010, 0x205e], // General Punctuation: dashes, quotes, bullets, ellipsis
  [0x20a0, 0x20bf], // Currency symbols (€, ₹, ₽…)
  [0x2100, 0x214f], // Letterlike symbols (№, ™, ℅)
];

export function inCertificateRepertoire(codePoint: number): boolean {
  for (const [first, last] of CERTIFICATE_REPERTOIRE) {
    if (codePoint < first) return false;
    if (codePoint <= last) return true;
  }
  return false;
}

/** Every code point of the repertoire, in order. */
export function repertoireCodePoints(): number[] {
  const codePoints: number[] = [];
  for (const [first, last] of CERTIFICATE_REPERTOIRE)
    for (let codePoint = first; codePoint <= last; codePoint += 1) codePoints.push(codePoint);
  return codePoints;
}
