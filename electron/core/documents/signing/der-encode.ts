// DER encoding straight into Buffers (X.690 §8, §10) for the CMS structure assembled on every
// signature: no ASN.1 object tree, no binary strings. der.ts (node-forge) stays for building and
// reading certificates, which happens once per identity, not per document.

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Tag, length and contents (a DER element). */
export function tlv(tag: number, ...contents: Buffer[]): Buffer {
  const body = contents.length === 1 ? (contents[0] as Buffer) : Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

export const derSequence = (...items: Buffer[]): Buffer => tlv(0x30, ...items);
export const derOctets = (bytes: Buffer): Buffer => tlv(0x04, bytes);
export const derNull = (): Buffer => Buffer.from([0x05, 0x00]);
/** An INTEGER from 0 to 127. */
export const derSmallInteger = (value: number): Buffer => Buffer.from([0x02, 0x01, value]);
/** [n] constructed, context-specific: EXPLICIT tagging, or IMPLICIT over a SET/SEQUENCE. */
export const derContext = (tag: number, ...items: Buffer[]): Buffer => tlv(0xa0 | tag, ...items);

/** SET OF, its elements sorted by their encodings as DER requires (X.690 §11.6). */
export const derSetOf = (items: Buffer[]): Buffer =>
  tlv(0x31, ...[...items].sort((a, b) => Buffer.compare(a, b)));

/** An OBJECT IDENTIFIER from its dotted form (X.690 §8.19). */
export function derOid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const septets: number[] = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128))
      septets.unshift((value & 0x7f) | 0x80);
    bytes.push(...septets);
  }
  return tlv(0x06, Buffer.from(bytes));
}
