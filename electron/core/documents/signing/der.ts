// Small builders over node-forge's ASN.1 for the structures we assemble ourselves (X.509,
// PKCS#10, CMS). forge works on "binary strings" (one char per byte); Buffers convert at the edges.
import forge from 'node-forge';

export type Asn1 = forge.asn1.Asn1;

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

export const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
export const fromBinary = (binary: string): Buffer => Buffer.from(binary, 'binary');

export const seq = (items: Asn1[]): Asn1 => asn1.create(U, T.SEQUENCE, true, items);
export const set = (items: Asn1[]): Asn1 => asn1.create(U, T.SET, true, items);
export const oid = (dotted: string): Asn1 =>
  asn1.create(U, T.OID, false, asn1.oidToDer(dotted).getBytes());
export const nullValue = (): Asn1 => asn1.create(U, T.NULL, false, '');
export const octets = (bytes: Uint8Array): Asn1 =>
  asn1.create(U, T.OCTETSTRING, false, toBinary(bytes));
export const bitString = (bytes: Uint8Array, unusedBits = 0): Asn1 =>
  asn1.create(U, T.BITSTRING, false, String.fromCharCode(unusedBits) + toBinary(bytes));
export const smallInteger = (value: number): Asn1 =>
  asn1.create(U, T.INTEGER, false, asn1.integerToDer(value).getBytes());
/** A positive INTEGER from big-endian magnitude bytes (e.g. a random serial number). */
export const unsignedInteger = (bytes: Uint8Array): Asn1 => {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const magnitude = toBinary(bytes.subarray(start));
  const needsPad = magnitude.charCodeAt(0) >= 0x80;
  return asn1.create(U, T.INTEGER, false, (needsPad ? '\x00' : '') + magnitude);
};
export const utf8 = (text: string): Asn1 =>
  asn1.create(U, T.UTF8, false, forge.util.encodeUtf8(text));
export const printable = (text: string): Asn1 => asn1.create(U, T.PRINTABLESTRING, false, text);
export const boolean = (value: boolean): Asn1 =>
  asn1.create(U, T.BOOLEAN, false, value ? '\xff' : '\x00');
/** [n] EXPLICIT: a constructed context tag around one element. */
// forge types every tag number as a universal Type; context tags [0]..[4] share those numbers.
const CONTEXT_TAGS = [T.NONE, T.BOOLEAN, T.INTEGER, T.BITSTRING, T.OCTETSTRING] as const;
export type ContextTag = 0 | 1 | 2 | 3 | 4;

export const explicit = (tag: ContextTag, inner: Asn1): Asn1 =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, CONTEXT_TAGS[tag], true, [inner]);
/** [n] IMPLICIT over a constructed type (SET OF …): the children keep, the tag changes. */
export const implicitConstructed = (tag: ContextTag, items: Asn1[]): Asn1 =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, CONTEXT_TAGS[tag], true, items);

/** Is `node` the universal tag `type` (INTEGER 2, OCTET STRING 4, SEQUENCE 16, GeneralizedTime 24 …). */
export const isUniversal = (node: Asn1 | undefined, type: number): boolean =>
  node?.tagClass === U && (node.type as number) === type;

/** Is `node` the context-specific tag [tag] (forge types context tag numbers as universal Types). */
export const isContextTag = (node: Asn1 | undefined, tag: number): boolean =>
  node?.tagClass === asn1.Class.CONTEXT_SPECIFIC && (node.type as number) === tag;

/** X.509 Time: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
export function time(date: Date): Asn1 {
  return date.getUTCFullYear() < 2050
    ? asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(U, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

export const toDer = (node: Asn1): Buffer => fromBinary(asn1.toDer(node).getBytes());

/** Strict DER parse of exactly these bytes; bit strings are left opaque. Throws on bad input. */
export function fromDer(bytes: Uint8Array): Asn1 {
  // @types/node-forge only knows the old boolean argument; forge 1.x takes these options.
  const parse = asn1.fromDer as unknown as (input: string, options: FromDerOptions) => Asn1;
  return parse(toBinary(bytes), { strict: true, parseAllBytes: true, decodeBitStrings: false });
}
type FromDerOptions = { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean };

export const oidOf = (node: Asn1 | undefined): string | null =>
  node !== undefined && node.tagClass === U && node.type === T.OID && typeof node.value === 'string'
    ? asn1.derToOid(node.value)
    : null;

export const childrenOf = (node: Asn1 | undefined): Asn1[] =>
  node !== undefined && Array.isArray(node.value) ? node.value : [];

export const bytesOf = (node: Asn1 | undefined): Buffer | null =>
  node !== undefined && typeof node.value === 'string' ? fromBinary(node.value) : null;

/** SET OF in DER is sorted by the elements' encodings (X.690 §11.6). */
export function derSetOf(items: Asn1[]): Asn1 {
  const sorted = items
    .map((item) => ({ item, der: toDer(item) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ item }) => item);
  return set(sorted);
}
