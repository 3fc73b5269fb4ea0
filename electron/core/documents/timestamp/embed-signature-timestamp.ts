// PAdES B-T (ETSI EN 319 142-1 §5.3, EN 319 122-1 §5.3): the RFC 3161 token over the SignerInfo's
// signature value becomes the unsigned attribute signature-time-stamp of that SignerInfo, and the
// CMS is written again into the same /Contents hole. Unsigned attributes are outside the signed
// attributes and outside the ByteRange, so the signed bytes, the message digest and the signature
// value stay exactly as they were: only the hole's hex digits change.
import type { Asn1 } from '../signing/der';
import {
  childrenOf,
  fromDer,
  implicitConstructed,
  isContextTag,
  isUniversal,
  oid,
  seq,
  set,
  toDer,
} from '../signing/der';
import { OID } from '../signing/oids';

/** Where the CMS sits: the hex string of /Contents between the two ByteRange parts. */
export type SignatureHole = {
  start: number;
  end: number;
  byteRange: [number, number, number, number];
};

/** The /ByteRange of the (only) signature, read from its dictionary; null if absent or odd. */
export function findSignatureHole(pdf: Buffer): SignatureHole | null {
  const at = pdf.lastIndexOf('/ByteRange', pdf.length, 'latin1');
  if (at === -1) return null;
  const match = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(
    pdf.toString('latin1', at, at + 80),
  );
  if (match === null) return null;
  const [a, b, c, d] = match.slice(1).map(Number) as [number, number, number, number];
  if (a !== 0 || c <= b + 2 || c + d > pdf.length) return null;
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return null; // '<' … '>'
  return { start: b, end: c, byteRange: [a, b, c, d] };
}

/** The DER CMS in the hole, without its zero padding (by the outer DER length). */
export function cmsInHole(pdf: Buffer, hole: SignatureHole): Buffer | null {
  const hex = pdf.toString('latin1', hole.start + 1, hole.end - 1);
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) return null;
  const bytes = Buffer.from(hex, 'hex');
  if (bytes[0] !== 0x30 || bytes[1] === undefined) return null;
  const first = bytes[1];
  let length = first;
  let header = 2;
  if (first >= 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) return null;
    length = bytes.readUIntBE(2, count);
    header = 2 + count;
  }
  return header + length <= bytes.length ? bytes.subarray(0, header + length) : null;
}

/** The SignedData's one SignerInfo, as a mutable forge node of the parsed CMS. */
function signerInfoOf(root: Asn1): Asn1 {
  const [, wrapped] = childrenOf(root);
  const signedData = childrenOf(wrapped)[0];
  const infos = childrenOf(childrenOf(signedData).at(-1));
  if (infos.length !== 1 || infos[0] === undefined) throw new Error('Expected one SignerInfo.');
  return infos[0];
}

/** The SignerInfo's signature value: what a signature-time-stamp's imprint is computed over. */
export function signatureValueOf(cmsDer: Buffer): Buffer {
  const fields = childrenOf(signerInfoOf(fromDer(cmsDer)));
  const signature = fields.find((node, index) => index >= 4 && isUniversal(node, 4));
  if (signature === undefined || typeof signature.value !== 'string')
    throw new Error('The SignerInfo has no signature value.');
  return Buffer.from(signature.value, 'binary');
}

/** The CMS with `tokenDer` added as signature-time-stamp (unsignedAttrs [1] IMPLICIT SET OF). */
export function withSignatureTimestamp(cmsDer: Buffer, tokenDer: Buffer): Buffer {
  const root = fromDer(cmsDer);
  const signerInfo = signerInfoOf(root);
  const fields = childrenOf(signerInfo);
  if (fields.some((node) => isContextTag(node, 1)))
    throw new Error('The signature already has unsigned attributes.');
  const attribute = seq([oid(OID.signatureTimeStampToken), set([fromDer(tokenDer)])]);
  signerInfo.value = [...fields, implicitConstructed(1, [attribute])];
  return toDer(root);
}

/** Writes `cmsDer` into the hole in place (hex, zero padded); the ByteRange is untouched. */
export function rewriteHole(pdf: Buffer, hole: SignatureHole, cmsDer: Buffer): Buffer {
  const capacity = (hole.end - hole.start - 2) / 2;
  if (cmsDer.length > capacity)
    throw new Error(
      `The time-stamped signature (${String(cmsDer.length)} bytes) does not fit its hole.`,
    );
  const out = Buffer.from(pdf);
  out.write(cmsDer.toString('hex').padEnd(2 * capacity, '0'), hole.start + 1, 'latin1');
  return out;
}
