// The certificate's fonts as PDF objects, built once per process: a subset of each DejaVu face
// holding exactly the repertoire's glyphs (certificate-repertoire.ts), as a Type0 font with
// Identity-H encoding, a /W width array and a ToUnicode map so that text copies out and is
// searchable as typed (ISO 32000-1 §9.7, §9.10). Subsetting and compressing a font cost several
// milliseconds per document when pdf-lib did it; here every document copies the same bytes in.
// The subset tag (§9.6.4) is derived from the subset's bytes: the same subset, the same name.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Font, Glyph } from '@pdf-lib/fontkit';
import type { FontFile } from './certificate-fonts';
import { repertoireCodePoints } from './certificate-repertoire';
import { pdfNumber, serializeObject, serializeStream } from './pdf-writer';

/** How many PDF objects one embedded font takes (Type0, CIDFont, descriptor, file, ToUnicode). */
export const FONT_OBJECT_COUNT = 5;

export type FixedFontSubset = {
  baseFontName: string;
  /** `text` as Identity-H glyph ids in hex (for a "<…> Tj"); every character must be covered. */
  encodeHex: (text: string) => string;
  /** The font's objects numbered from `first` (the Type0 font dictionary is `first`). */
  objects: (first: number) => readonly Buffer[];
};

type SubsetEncoder = { encodeStream: () => NodeJS.ReadableStream };
type Subset = { includeGlyph: (glyph: Glyph) => number } & SubsetEncoder;

function encodeSubset(subset: Subset): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    subset
      .encodeStream()
      .on('data', (bytes: Uint8Array) => parts.push(Buffer.from(bytes)))
      .on('end', () => {
        resolve(Buffer.concat(parts));
      })
      .on('error', reject);
  });
}

const hex4 = (value: number): string => value.toString(16).toUpperCase().padStart(4, '0');

function utf16Hex(codePoint: number): string {
  return Buffer.from(String.fromCodePoint(codePoint), 'utf16le').swap16().toString('hex');
}

/** A ToUnicode CMap (§9.10.3) mapping each glyph id back to its character. */
function toUnicodeCMap(unicodeOf: ReadonlyMap<number, number>): Buffer {
  const entries = [...unicodeOf].sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(
      `${String(chunk.length)} beginbfchar\n` +
        chunk.map(([gid, cp]) => `<${hex4(gid)}> <${utf16Hex(cp)}>`).join('\n') +
        '\nendbfchar',
    );
  }
  return Buffer.from(
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
      '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
      '1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n' +
      `${blocks.join('\n')}\nendcmap\nCMapName currentdict /CIDFont defineresource pop\nend\nend`,
    'latin1',
  );
}

function subsetTag(fontProgram: Buffer): string {
  const digest = createHash('sha256').update(fontProgram).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join(
    '',
  );
}

async function buildSubset(file: FontFile): Promise<FixedFontSubset> {
  // The original parsed font (the layout's wrapper derives from it with Object.create).
  const font = Object.getPrototypeOf(file.coverage) as Font;
  const subset = font.createSubset() as unknown as Subset;
  const gidOf = new Map<number, number>();
  const unicodeOf = new Map<number, number>();
  const advances: number[] = [font.getGlyph(0).advanceWidth];
  for (const codePoint of repertoireCodePoints()) {
    if (!file.coverage.hasGlyphForCodePoint(codePoint)) continue;
    const glyph = font.glyphForCodePoint(codePoint);
    const gid = subset.includeGlyph(glyph);
    gidOf.set(codePoint, gid);
    if (!unicodeOf.has(gid)) unicodeOf.set(gid, codePoint);
    advances[gid] = glyph.advanceWidth;
  }
  const program = await encodeSubset(subset);
  const fontFile = deflateSync(program);
  const toUnicode = deflateSync(toUnicodeCMap(unicodeOf));
  const postscriptName = font.postscriptName ?? 'DejaVuSans';
  const baseFontName = `${subsetTag(program)}+${postscriptName}`;
  const scale = 1000 / font.unitsPerEm;
  const widths = advances.map((advance) => pdfNumber(advance * scale)).join(' ');
  const { minX, minY, maxX, maxY } = font.bbox;
  const bbox = [minX, minY, maxX, maxY].map((v) => pdfNumber(v * scale)).join(' ');
  const flags = 4 | (font.head.macStyle.italic ? 64 : 0); // symbolic (§9.8.2), as pdf-lib writes

  const cache = new Map<number, readonly Buffer[]>();
  const objects = (first: number): readonly Buffer[] => {
    let bytes = cache.get(first);
    if (bytes !== undefined) return bytes;
    const [type0, cid, descriptor, program_, unicode] = [0, 1, 2, 3, 4].map((i) => first + i) as [
      number,
      number,
      number,
      number,
      number,
    ];
    bytes = [
      serializeObject(
        type0,
        `<</Type /Font /Subtype /Type0 /BaseFont /${baseFontName} /Encoding /Identity-H ` +
          `/DescendantFonts [${String(cid)} 0 R] /ToUnicode ${String(unicode)} 0 R>>`,
      ),
      serializeObject(
        cid,
        `<</Type /Font /Subtype /CIDFontType2 /BaseFont /${baseFontName} /CIDToGIDMap /Identity ` +
          `/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> ` +
          `/FontDescriptor ${String(descriptor)} 0 R /W [0 [${widths}]]>>`,
      ),
      serializeObject(
        descriptor,
        `<</Type /FontDescriptor /FontName /${baseFontName} /Flags ${String(flags)} ` +
          `/FontBBox [${bbox}] /ItalicAngle ${pdfNumber(font.italicAngle)} ` +
          `/Ascent ${pdfNumber(font.ascent * scale)} /Descent ${pdfNumber(font.descent * scale)} ` +
          `/CapHeight ${pdfNumber((font.capHeight || font.ascent) * scale)} ` +
          `/XHeight ${pdfNumber((font.xHeight || 0) * scale)} /StemV 0 /FontFile2 ${String(program_)} 0 R>>`,
      ),
      serializeStream(
        program_,
        ` /Filter /FlateDecode /Length1 ${String(program.length)}`,
        fontFile,
      ),
      serializeStream(unicode, ' /Filter /FlateDecode', toUnicode),
    ];
    cache.set(first, bytes);
    return bytes;
  };

  const hexOf = new Map([...gidOf].map(([codePoint, gid]) => [codePoint, hex4(gid)]));
  const encodeHex = (text: string): string => {
    let out = '';
    for (const character of text) {
      const glyph = hexOf.get(character.codePointAt(0) ?? 0);
      if (glyph === undefined)
        throw new Error(`"${character}" is not in the certificate font subset (assertPrintable)`);
      out += glyph;
    }
    return out;
  };
  return { baseFontName, encodeHex, objects };
}

const built = new WeakMap<FontFile, Promise<FixedFontSubset>>();

/** The fixed subset of a font file, built on first use and kept for the process's lifetime. */
export function fixedFontSubset(file: FontFile): Promise<FixedFontSubset> {
  let subset = built.get(file);
  if (subset === undefined) {
    subset = buildSubset(file);
    built.set(file, subset);
  }
  return subset;
}
