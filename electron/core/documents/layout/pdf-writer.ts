// A minimal PDF file writer (ISO 32000-1 §7.5): header, numbered indirect objects, one classic
// cross-reference table and trailer. KP Desk's documents have a fixed set of objects, so they
// are written directly instead of being built as a pdf-lib object graph and serialised: the
// fonts and the printed form are serialised once per process and copied in as bytes. The file
// has a single revision with a classic xref, the structure a PAdES signature covers whole and a
// later incremental update (B-T time-stamp, B-LT validation data) extends.

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

/** Collects objects in order and closes the file with its xref table and trailer. */
export class PdfWriter {
  private readonly chunks: Buffer[] = [];
  private readonly offsets = new Map<number, number>();
  private size = 0;

  constructor() {
    // The binary comment line tells transfer tools the file is binary (§7.5.2).
    this.append(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
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

  /** Objects must be numbered 1…n without gaps; `root` and `info` name the catalog and Info. */
  finish(root: number, info: number): Buffer {
    const count = this.offsets.size;
    const rows = ['xref', `0 ${String(count + 1)}`, '0000000000 65535 f '];
    for (let number = 1; number <= count; number += 1) {
      const offset = this.offsets.get(number);
      if (offset === undefined) throw new Error(`PDF object ${String(number)} is missing`);
      rows.push(`${String(offset).padStart(10, '0')} 00000 n `);
    }
    const xrefAt = this.size;
    const trailer =
      `${rows.join('\n')}\ntrailer\n<</Size ${String(count + 1)} /Root ${String(root)} 0 R ` +
      `/Info ${String(info)} 0 R>>\nstartxref\n${String(xrefAt)}\n%%EOF\n`;
    this.append(Buffer.from(trailer, 'latin1'));
    return Buffer.concat(this.chunks, this.size);
  }
}
