// Reads what the verifier needs straight from the bytes, without a PDF parser: every search is a
// bounded Buffer.indexOf or a regex over a short slice, so hostile input (damaged tables, huge
// counts, random bytes) costs linear time at worst and never throws. The structures found are the
// ones KP Desk writes: one signature dictionary and one Info dictionary, both uncompressed.
import { SEAL_INFO_KEY } from '../seal/embed-seal-text';

export type ByteRange = readonly [number, number, number, number];

export type SignatureScan =
  | { kind: 'none' }
  | { kind: 'several'; count: number }
  | { kind: 'malformed'; reason: string }
  | {
      kind: 'one';
      byteRange: ByteRange;
      /** The DER CMS from /Contents, trailing zero padding removed. */
      cms: Buffer;
      subFilter: string | null;
      /** The signature dictionary's /M, the signing time claimed by the signer. */
      signingTime: Date | null;
      /** ByteRange end < file length: bytes were appended after the signed revision. */
      appendedBytes: number;
      /** Further /ByteRange entries after the signed revision (a document time-stamp, or not). */
      laterSignatures: number;
    };

const latin1 = (bytes: Buffer, start: number, end: number): string =>
  bytes.toString('latin1', Math.max(0, start), Math.min(bytes.length, end));

export function hasPdfHeader(bytes: Buffer): boolean {
  return latin1(bytes, 0, 1024).includes('%PDF-');
}

/** Bytes a file may start with: every certificate's ~230 KB of fonts and ICC profile
 * (layout/write-certificate-pdf.ts certificatePdfPrefix, hash-from-prefix.ts). */
export type KnownStart = { readonly bytes: Buffer };

// Where each key occurs in each known start, found once per process: a constant of those bytes.
const inKnownStart = new WeakMap<KnownStart, Map<string, readonly number[]>>();

function positionsInKnownStart(known: KnownStart, needle: string): readonly number[] {
  let byNeedle = inKnownStart.get(known);
  if (byNeedle === undefined) {
    byNeedle = new Map();
    inKnownStart.set(known, byNeedle);
  }
  let positions = byNeedle.get(needle);
  if (positions === undefined) {
    positions = occurrences(known.bytes, needle, 0, known.bytes.length, Infinity);
    byNeedle.set(needle, positions);
  }
  return positions;
}

/**
 * Where `needle` occurs in bytes[start, end), up to `limit` positions, each search after the
 * previous match (as indexOf from there finds them). When the search starts at 0 and the file
 * starts with exactly `known`'s bytes (compared byte for byte), the matches inside those bytes
 * are the ones found in them once, and the search resumes where a match could first reach past
 * them: the same positions, without scanning the ~230 KB again per key (issue 14, the review).
 */
export function occurrences(
  bytes: Buffer,
  needle: string,
  start = 0,
  end = bytes.length,
  limit = 16,
  known?: KnownStart,
): number[] {
  const found: number[] = [];
  let from = start;
  const knownLength = known?.bytes.length ?? 0;
  if (
    known !== undefined &&
    start === 0 &&
    knownLength >= needle.length &&
    bytes.length >= knownLength &&
    bytes.subarray(0, knownLength).equals(known.bytes)
  ) {
    const inside = positionsInKnownStart(known, needle);
    for (const at of inside) {
      if (at >= end || found.length >= limit) return found;
      found.push(at);
    }
    if (found.length >= limit) return found;
    // No match starts between the last one inside and the first that reaches past the known
    // bytes (it would lie wholly inside them, and be listed).
    const last = inside.at(-1);
    from = Math.max(last === undefined ? 0 : last + needle.length, knownLength - needle.length + 1);
  }
  // A match must start before `end`; it may run past it, as it could before.
  const stop = Math.min(bytes.length, end + needle.length - 1);
  const window = bytes.subarray(0, stop);
  for (let at = window.indexOf(needle, from, 'latin1'); at !== -1 && at < end;) {
    found.push(at);
    if (found.length >= limit) break;
    at = window.indexOf(needle, at + needle.length, 'latin1');
  }
  return found;
}

/** The revision ending at `end` closes with "startxref N %%EOF" and N points at a table. */
export function checkRevisionEnd(bytes: Buffer, end: number): string | null {
  const tail = latin1(bytes, end - 1024, end);
  const match = /startxref\s+(\d{1,12})\s+%%EOF\s*$/.exec(tail);
  if (match === null) return 'The file does not end with a PDF trailer (it may be truncated).';
  const offset = Number(match[1]);
  if (offset >= end) return 'The cross-reference offset points outside the file.';
  const at = latin1(bytes, offset, offset + 32);
  if (!/^(xref\s|\d+\s+\d+\s+obj\b)/.test(at)) return 'The cross-reference table is damaged.';
  return null;
}

function derLength(bytes: Buffer): number | null {
  if (bytes[0] !== 0x30) return null;
  const first = bytes[1];
  if (first === undefined) return null;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4) return null;
  let length = 0;
  for (let i = 0; i < count; i += 1) length = length * 256 + (bytes[2 + i] ?? 0);
  const total = 2 + count + length;
  return total <= bytes.length ? total : null;
}

function parseSigningTime(text: string | undefined): Date | null {
  const match = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(
    text ?? '',
  );
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `known`: bytes the file may start with, whose '/ByteRange's are known (occurrences). */
export function scanSignature(bytes: Buffer, known?: KnownStart): SignatureScan {
  const positions = occurrences(bytes, '/ByteRange', 0, bytes.length, 16, known);
  if (positions.length === 0) return { kind: 'none' };
  const at = positions[0] ?? 0;
  const range = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(
    latin1(bytes, at, at + 120),
  );
  if (range === null)
    return { kind: 'malformed', reason: 'The signature’s byte range is not readable.' };
  const [a, b, c, d] = range.slice(1).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b + 1 || d < 0)
    return { kind: 'malformed', reason: 'The signature’s byte range is not one KP Desk writes.' };
  if (c + d > bytes.length)
    return {
      kind: 'malformed',
      reason: 'The file is shorter than its signature says: it was truncated.',
    };
  // A KP certificate has exactly one signature over its own revision; a later /ByteRange can
  // only belong to an incremental update, judged by what that update holds.
  const inside = positions.filter((position) => position < c + d).length;
  if (inside > 1) return { kind: 'several', count: inside };
  if (
    bytes[b] !== 0x3c ||
    bytes[c - 1] !== 0x3e ||
    !/\/Contents\s*$/.test(latin1(bytes, b - 16, b))
  )
    return {
      kind: 'malformed',
      reason: 'The byte range does not leave out exactly the signature.',
    };
  const hex = latin1(bytes, b + 1, c - 1);
  // Lower-case hex only, as KP Desk writes it: upper-case digits would be a second file with the
  // same signature.
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex))
    return { kind: 'malformed', reason: 'The signature value is not lower-case hexadecimal.' };
  const padded = Buffer.from(hex, 'hex');
  const length = derLength(padded);
  if (length === null)
    return { kind: 'malformed', reason: 'The signature value is not a CMS structure.' };
  // The hole outside the signed ranges must hold nothing but the CMS and zeros: otherwise two
  // different files verify with the same signature (pdfsig: "Not total document signed").
  if (/[^0]/.test(hex.slice(2 * length)))
    return {
      kind: 'malformed',
      reason:
        'The unused room after the signature holds other bytes than zeros: the file was changed outside the signed ranges.',
    };
  const subFilter =
    /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(latin1(bytes, at - 400, at))?.[1] ?? null;
  const signingTime = parseSigningTime(
    /\/M\s*\((D:[^)]{0,40})\)/.exec(latin1(bytes, c, c + 2000))?.[1],
  );
  return {
    kind: 'one',
    byteRange: [a, b, c, d],
    cms: padded.subarray(0, length),
    subFilter,
    signingTime,
    appendedBytes: bytes.length - (c + d),
    laterSignatures: positions.length - inside,
  };
}

export type SealTextScan = { kind: 'none' } | { kind: 'several' } | { kind: 'one'; seal: string };

/** The /KPDeskSeal string, looked for only in the given (signed) spans of the file. */
export function scanSealText(
  bytes: Buffer,
  spans: readonly (readonly [number, number])[],
  known?: KnownStart,
): SealTextScan {
  const key = `/${SEAL_INFO_KEY}`;
  const found = spans.flatMap(([start, end]) => occurrences(bytes, key, start, end, 4, known));
  if (found.length === 0) return { kind: 'none' };
  if (found.length > 1) return { kind: 'several' };
  const at = found[0] ?? 0;
  const match = /^\s*\(([A-Za-z0-9_.-]{1,4096})\)/.exec(
    latin1(bytes, at + key.length, at + key.length + 4200),
  );
  return match?.[1] === undefined ? { kind: 'none' } : { kind: 'one', seal: match[1] };
}

/** The Info /Subject (KP Desk writes the certificate number there), hex UTF-16 or literal. */
export function scanSubject(
  bytes: Buffer,
  spans: readonly (readonly [number, number])[],
  known?: KnownStart,
): string | null {
  for (const [start, end] of spans) {
    const [at] = occurrences(bytes, '/Subject', start, end, 1, known);
    if (at === undefined) continue;
    const text = latin1(bytes, at + 8, at + 8 + 400);
    const hex = /^\s*<([0-9A-Fa-f]{0,380})>/.exec(text)?.[1];
    if (hex !== undefined) {
      const raw = Buffer.from(hex, 'hex');
      if (raw[0] === 0xfe && raw[1] === 0xff && raw.length % 2 === 0)
        return raw.subarray(2).swap16().toString('utf16le');
      return raw.toString('latin1');
    }
    const literal = /^\s*\(([^()\\]{0,200})\)/.exec(text)?.[1];
    if (literal !== undefined) return literal;
  }
  return null;
}
