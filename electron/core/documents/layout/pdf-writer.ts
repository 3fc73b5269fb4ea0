// A minimal PDF file writer (ISO 32000-1 §7.5): header, numbered indirect objects, one classic
// cross-reference table and trailer. KP Desk's documents have a fixed set of objects, so they
// are written directly instead of being built as a pdf-lib object graph and serialised: the
// fonts and the printed form are serialised once per process and copied in as bytes. The file
// has a single revision with a classic xref, the structure a PAdES signature covers whole and a
// later incremental update (B-T time-stamp, B-LT validation data) extends.
import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';

/** A number as PDF writes it: at most three decimals, no exponent. */
export function pdfNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A text string: a literal for printable ASCII, otherwise UTF-16BE hex with its BOM (§7.9.2.2). */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

/** A date string "D:YYYYMMDDHHmmSSZ" (UTC), as pdf-lib and Acrobat write it (§7.9.4). */
export function pdfDate(date: Date): string {
  const iso = date.toISOString(); // 2026-11-27T15:30:00.000Z
  return `(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`;
}

/** "n 0 obj … endobj" for a dictionary or other direct value. */
export function serializeObject(number: number, body: string): Buffer {
  return Buffer.from(`${String(number)} 0 obj\n${body}\nendobj\n`, 'latin1');
}

/** "n 0 obj <<dict /Length …>> stream … endstream endobj"; `dict` is the inside of << >>. */
export function serializeStream(number: number, dict: string, data: Uint8Array): Buffer {
  return Buffer.concat([
    Buffer.from(
      `${String(number)} 0 obj\n<<${dict} /Length ${String(data.length)}>>\nstream\n`,
      'latin1',
    ),
    data,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
}

/**
 * The bytes every file of a kind starts with (header and constant objects), serialised once, with
 * their object offsets and the SHA-256 state after them: a signer that hashes the whole file
 * copies that state instead of hashing the same ~230 KB again for each document.
 */
export type PdfPrefix = {
  readonly bytes: Buffer;
  readonly offsets: ReadonlyMap<number, number>;
  readonly sha256: Hash;
};

/** The header (ISO 32000-1 §7.5.2): version 1.7, then a comment of four bytes above 127. */
const HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

/** Collects objects in order and closes the file with its xref table and trailer. */
export class PdfWriter {
  private readonly chunks: Buffer[] = [];
  private readonly offsets: Map<number, number>;
  private size = 0;

  /**
   * Starts a file, or continues one from a prefix. The binary comment after the header tells
   * transfer tools the file is binary; PDF/A wants it (ISO 19005-2 §6.1.2).
   */
  constructor(prefix?: PdfPrefix) {
    this.offsets = new Map(prefix?.offsets);
    this.append(prefix?.bytes ?? HEADER);
  }

  /** Bytes written so far: the offset of whatever is appended next. */
  get position(): number {
    return this.size;
  }

  private append(bytes: Buffer): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  /** Appends an object serialised by serializeObject/serializeStream under `number`. */
  add(number: number, serialised: Buffer): void {
    if (this.offsets.has(number)) throw new Error(`PDF object ${String(number)} written twice`);
    this.offsets.set(number, this.size);
    this.append(serialised);
  }

  object(number: number, body: string): void {
    this.add(number, serializeObject(number, body));
  }

  /** What has been written so far, as a prefix for other files (new PdfWriter(prefix)). */
  prefix(): PdfPrefix {
    const bytes = Buffer.concat(this.chunks, this.size);
    return { bytes, offsets: new Map(this.offsets), sha256: createHash('sha256').update(bytes) };
  }

  /**
   * Objects must be numbered 1…n without gaps (written in any order); `root` and `info` name the
   * catalog and Info. `id` is the file identifier (ISO 32000-1 §14.4), written as both elements
   * of the trailer's /ID, which PDF/A requires (ISO 19005-2 §6.1.3): the caller derives it from
   * the document's content, so the same inputs give the same file.
   */
  finish(root: number, info: number, id: Buffer): Buffer {
    const count = this.offsets.size;
    const rows = ['xref', `0 ${String(count + 1)}`, '0000000000 65535 f '];
    for (let number = 1; number <= count; number += 1) {
      const offset = this.offsets.get(number);
      if (offset === undefined) throw new Error(`PDF object ${String(number)} is missing`);
      rows.push(`${String(offset).padStart(10, '0')} 00000 n `);
    }
    const xrefAt = this.size;
    const hexId = `<${id.toString('hex').toUpperCase()}>`;
    const trailer =
      `${rows.join('\n')}\ntrailer\n<</Size ${String(count + 1)} /Root ${String(root)} 0 R ` +
      `/Info ${String(info)} 0 R /ID [${hexId} ${hexId}]>>\nstartxref\n${String(xrefAt)}\n%%EOF\n`;
    this.append(Buffer.from(trailer, 'latin1'));
    return Buffer.concat(this.chunks, this.size);
  }
}
