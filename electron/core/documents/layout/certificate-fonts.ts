// The certificate's typeface: DejaVu Sans (free licence, resources/fonts/DejaVu-LICENSE.txt),
// chosen for its Latin, Greek and Cyrillic coverage so names such as "Łódź Diament" print as
// typed. The files are read from the resources directory the caller passes (the packaged app:
// process.resourcesPath; tests: the repository's resources/), never from a hard-coded path.
// They are embedded as subsets: the certificate carries the fixed subset of its repertoire
// (embedded-font-subset.ts, built once per process), the overlay and calibration pages a
// per-document subset through pdf-lib; either way every reader shows the same shapes whatever
// fonts its machine has.
import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { Font, Glyph, GlyphRun } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { inCertificateRepertoire } from './certificate-repertoire';

export type FontWeight = 'regular' | 'bold';

/**
 * What layout needs of a font: which characters it prints (the repertoire's, see
 * certificate-repertoire.ts) and how wide a text is. Widths are the glyphs' advance widths, the
 * same numbers the PDF's /W array gives a reader, so placed text lands where it was measured.
 */
export type FontMetrics = {
  coverage: Font;
  widthOfTextAtSize: (text: string, size: number) => number;
};
export type CertificateFontMetrics = Readonly<Record<FontWeight, FontMetrics>>;

/** A font file as read from disk, with its parsed tables and its metrics. */
export type FontFile = FontMetrics & { bytes: Uint8Array };
export type CertificateFontFiles = Readonly<Record<FontWeight, FontFile>>;

/** A font embedded in one pdf-lib document, together with its coverage. */
export type EmbeddedFont = FontMetrics & { pdf: PDFFont };
export type CertificateFonts = Readonly<Record<FontWeight, EmbeddedFont>>;

const FILE_NAMES: Readonly<Record<FontWeight, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
};

// Read and parsed once per resources directory: the files are immutable while the app runs.
const loaded = new Map<string, Promise<CertificateFontFiles>>();

/**
 * Remembers a glyph's decoded outline record. fontkit's subsetter decodes every glyph it copies,
 * for every document, only to learn whether the glyph is composite; the record depends on the
 * font file alone. (fontkit's path code mutates component points when it builds a composite's
 * outline; nothing here asks for outlines: pdf-lib embeds the glyph bytes as they are.)
 */
function rememberDecodedOutline(glyph: Glyph): Glyph {
  const internal = glyph as Glyph & { _decode?: () => unknown };
  const decode = internal._decode;
  if (typeof decode !== 'function' || Object.hasOwn(internal, '_decode')) return glyph;
  let decoded: { value: unknown } | undefined;
  internal._decode = () => (decoded ??= { value: decode.call(glyph) }).value;
  return glyph;
}

/**
 * The parsed font with a layout that maps each character straight to its glyph. fontkit's own
 * layout runs full OpenType shaping (about 1 ms per call with DejaVu's tables), and pdf-lib calls
 * it for every width measured and every line drawn, which made one certificate take half a
 * second. For the text we accept (assert-printable.ts: no combining marks, no right-to-left or
 * complex scripts; ligatures off) shaping changes nothing pdf-lib uses: it draws glyph ids
 * with their advance widths and ignores kerning and mark positions. Derived with Object.create so
 * the parsed tables and glyph cache are shared by every document.
 */
function withDirectLayout(font: Font): Font {
  const direct = Object.create(font) as Font;
  const byCodePoint = new Map<number, Glyph>();
  const glyphFor = (codePoint: number): Glyph => {
    let glyph = byCodePoint.get(codePoint);
    if (glyph === undefined) {
      glyph = font.glyphForCodePoint(codePoint);
      byCodePoint.set(codePoint, glyph);
    }
    return glyph;
  };
  direct.layout = (text: string): GlyphRun => {
    const glyphs = Array.from(text, (character) => glyphFor(character.codePointAt(0) ?? 0));
    // pdf-lib reads only `glyphs`; the rest of a GlyphRun is never consulted.
    return { glyphs } as unknown as GlyphRun;
  };
  direct.getGlyph = (id: number, codePoints?: number[]) =>
    rememberDecodedOutline(font.getGlyph(id, codePoints));
  // The certificate prints its repertoire only: the fixed subset holds nothing else.
  const covered = new Map<number, boolean>();
  direct.hasGlyphForCodePoint = (codePoint: number) => {
    let answer = covered.get(codePoint);
    if (answer === undefined) {
      answer = inCertificateRepertoire(codePoint) && font.hasGlyphForCodePoint(codePoint);
      covered.set(codePoint, answer);
    }
    return answer;
  };
  return direct;
}

/** Text width from the glyphs' advance widths (font units, cached per character). */
function measureWith(font: Font): FontMetrics['widthOfTextAtSize'] {
  const advances = new Map<number, number>();
  const scale = 1 / font.unitsPerEm;
  return (text, size) => {
    let units = 0;
    for (let i = 0; i < text.length; i += 1) {
      const codePoint = text.codePointAt(i) ?? 0;
      if (codePoint > 0xffff) i += 1;
      let advance = advances.get(codePoint);
      if (advance === undefined) {
        advance = font.glyphForCodePoint(codePoint).advanceWidth;
        advances.set(codePoint, advance);
      }
      units += advance;
    }
    return units * scale * size;
  };
}

async function readFontFile(file: string): Promise<FontFile> {
  const bytes = new Uint8Array(await readFile(file));
  const parsed = fontkit.create(bytes);
  return { bytes, coverage: withDirectLayout(parsed), widthOfTextAtSize: measureWith(parsed) };
}

export function loadCertificateFontFiles(resourcesDir: string): Promise<CertificateFontFiles> {
  const dir = path.resolve(resourcesDir, 'fonts');
  const cached = loaded.get(dir);
  if (cached) return cached;
  const loading = Promise.all([
    readFontFile(path.join(dir, FILE_NAMES.regular)),
    readFontFile(path.join(dir, FILE_NAMES.bold)),
  ]).then(([regular, bold]) => ({ regular, bold }));
  // A failed read (e.g. a broken installation) is not remembered, so a repaired one works.
  loading.catch(() => loaded.delete(dir));
  loaded.set(dir, loading);
  return loading;
}

/**
 * A subset's name per ISO 32000-1 §9.6.4: six upper-case letters, "+", the PostScript name
 * (e.g. "QKXWTB+DejaVuSans"). pdf-lib would name it "DejaVuSans-1234", which readers and
 * checkers such as pdffonts do not recognise as a subset. Random letters keep the subsets of
 * two documents apart if a tool ever merges them.
 */
function subsetName(postscriptName: string): string {
  const tag = Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');
  return `${tag}+${postscriptName}`;
}

export async function embedCertificateFonts(
  pdf: PDFDocument,
  files: CertificateFontFiles,
): Promise<CertificateFonts> {
  // pdf-lib asks its fontkit to parse the bytes it embeds; hand it the already parsed fonts.
  const parsed = new Map<Uint8Array, Font>([
    [files.regular.bytes, files.regular.coverage],
    [files.bold.bytes, files.bold.coverage],
  ]);
  pdf.registerFontkit({
    create: (bytes: Uint8Array) => parsed.get(bytes) ?? fontkit.create(bytes),
  });
  // No ligatures (the direct layout makes none): a ligature glyph ("fi") would copy out of the
  // PDF as one odd character, and text search in a certificate must find exactly what was typed.
  const embed = (file: FontFile): Promise<PDFFont> =>
    pdf.embedFont(file.bytes, {
      subset: true,
      customName: subsetName(file.coverage.postscriptName ?? 'DejaVuSans'),
    });
  const [regular, bold] = await Promise.all([embed(files.regular), embed(files.bold)]);
  return {
    regular: { ...files.regular, pdf: regular },
    bold: { ...files.bold, pdf: bold },
  };
}
