// A small, bounded reader of PDF object syntax (ISO 32000-2 §7.3) for the bytes appended after a
// signed revision: dictionaries, arrays, references, names, numbers, strings. It exists so that
// an incremental update can be judged by what its objects say, not by how they are spaced. Every
// loop is bounded by the input's length and a depth limit; malformed input gives null.
export type PdfValue =
  | { kind: 'dict'; entries: Map<string, PdfValue> }
  | { kind: 'array'; items: PdfValue[] }
  | { kind: 'ref'; number: number; generation: number }
  | { kind: 'atom'; text: string };

const MAX_DEPTH = 32;
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export class PdfReader {
  constructor(
    readonly bytes: Buffer,
    public at: number,
    readonly end: number = bytes.length,
  ) {}

  skipSpace(): void {
    while (this.at < this.end) {
      const byte = this.bytes[this.at] ?? 0;
      if (WHITESPACE.has(byte)) this.at += 1;
      else if (byte === 0x25) {
        // A comment runs to the end of the line.
        while (this.at < this.end && this.bytes[this.at] !== 0x0a && this.bytes[this.at] !== 0x0d)
          this.at += 1;
      } else break;
    }
  }

  /** A regular token (keyword, number, name body) at the cursor, without moving. */
  peekWord(): string {
    this.skipSpace();
    let stop = this.at;
    while (stop < this.end) {
      const byte = this.bytes[stop] ?? 0;
      if (WHITESPACE.has(byte) || (DELIMITERS.has(byte) && !(stop === this.at && byte === 0x2f)))
        break;
      stop += 1;
      if (stop - this.at > 256) break;
    }
    return this.bytes.toString('latin1', this.at, stop);
  }

  word(): string {
    const text = this.peekWord();
    this.at += text.length;
    return text;
  }

  private literalString(): string | null {
    const start = this.at;
    let depth = 0;
    while (this.at < this.end) {
      const byte = this.bytes[this.at] ?? 0;
      this.at += 1;
      if (byte === 0x5c) this.at += 1;
      else if (byte === 0x28) depth += 1;
      else if (byte === 0x29 && --depth === 0) return this.bytes.toString('latin1', start, this.at);
    }
    return null;
  }

  /** One value; references "n g R" are folded. Null when malformed. */
  value(depth = 0): PdfValue | null {
    if (depth > MAX_DEPTH) return null;
    this.skipSpace();
    if (this.at >= this.end) return null;
    const byte = this.bytes[this.at];
    if (byte === 0x3c && this.bytes[this.at + 1] === 0x3c) {
      this.at += 2;
      const entries = new Map<string, PdfValue>();
      for (;;) {
        this.skipSpace();
        if (this.bytes[this.at] === 0x3e && this.bytes[this.at + 1] === 0x3e) {
          this.at += 2;
          return { kind: 'dict', entries };
        }
        const key = this.word();
        if (!key.startsWith('/') || key.length < 2 || entries.has(key)) return null;
        const item = this.value(depth + 1);
        if (item === null) return null;
        entries.set(key, item);
      }
    }
    if (byte === 0x5b) {
      this.at += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.bytes[this.at] === 0x5d) {
          this.at += 1;
          return { kind: 'array', items };
        }
        const item = this.value(depth + 1);
        if (item === null) return null;
        items.push(item);
      }
    }
    if (byte === 0x28) {
      const text = this.literalString();
      return text === null ? null : { kind: 'atom', text };
    }
    if (byte === 0x3c) {
      const close = this.bytes.indexOf(0x3e, this.at);
      if (close === -1 || close >= this.end) return null;
      const text = this.bytes.toString('latin1', this.at, close + 1);
      this.at = close + 1;
      return /^<[0-9A-Fa-f\s]*>$/.test(text)
        ? { kind: 'atom', text: text.replace(/\s/g, '') }
        : null;
    }
    const text = this.word();
    if (text === '') return null;
    if (/^\d{1,10}$/.test(text)) {
      const saved = this.at;
      const generation = this.word();
      const r = this.word();
      if (/^\d{1,5}$/.test(generation) && r === 'R')
        return { kind: 'ref', number: Number(text), generation: Number(generation) };
      this.at = saved;
    }
    if (text === '>>' || text === ']' || text === 'R' || text === 'obj') return null;
    return { kind: 'atom', text };
  }
}

export const refsOf = (value: PdfValue | undefined): number[] =>
  value?.kind === 'array'
    ? value.items.flatMap((item) => (item.kind === 'ref' ? [item.number] : []))
    : value?.kind === 'ref'
      ? [value.number]
      : [];

export const nameOf = (value: PdfValue | undefined): string | null =>
  value?.kind === 'atom' && value.text.startsWith('/') ? value.text : null;

/** Structural equality of two values (spacing already gone). */
export function sameValue(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === undefined || b === undefined || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'atom':
      return b.kind === 'atom' && a.text === b.text;
    case 'ref':
      return b.kind === 'ref' && a.number === b.number && a.generation === b.generation;
    case 'array':
      return (
        b.kind === 'array' &&
        a.items.length === b.items.length &&
        a.items.every((item, index) => sameValue(item, b.items[index]))
      );
    case 'dict':
      return (
        b.kind === 'dict' &&
        a.entries.size === b.entries.size &&
        [...a.entries].every(([key, item]) => sameValue(item, b.entries.get(key)))
      );
  }
}
