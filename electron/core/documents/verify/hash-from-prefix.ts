// SHA-256 over a file that may start with bytes whose hash state is already known. Every
// certificate KP Desk writes starts with the same ~230 KB (header, the fixed font subsets, the
// ICC profile: layout/write-certificate-pdf.ts certificatePdfPrefix), and the verifier hashes a
// file twice (the signed byte range, and the whole file to find it among the vault's stored
// documents). When the file's first bytes are exactly those bytes (compared byte for byte, which
// costs a small fraction of hashing them), the hash continues from the state after them: the
// digest is the same, by the definition of SHA-256's chaining (the state after a message depends
// on that message alone). A file that differs anywhere in those bytes is hashed from its start.
import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';

/** Bytes a kind of file starts with and the SHA-256 state after exactly those bytes. */
export type HashedPrefix = { readonly bytes: Buffer; readonly sha256: Hash };

/**
 * A hash that has taken bytes[0, from), where `from` is the prefix's length if the file starts
 * with it within the first `limit` bytes, else 0.
 */
function startHash(
  bytes: Buffer,
  limit: number,
  prefix: HashedPrefix | undefined,
): { hash: Hash; from: number } {
  const length = prefix?.bytes.length ?? 0;
  if (prefix !== undefined && length <= limit && bytes.subarray(0, length).equals(prefix.bytes))
    return { hash: prefix.sha256.copy(), from: length };
  return { hash: createHash('sha256'), from: 0 };
}

/** SHA-256 of bytes[a, a + b) followed by bytes[c, c + d] (a signature's /ByteRange). */
export function rangesSha256(
  bytes: Buffer,
  [a, b, c, d]: readonly [number, number, number, number],
  prefix?: HashedPrefix,
): Buffer {
  const { hash, from } =
    a === 0 ? startHash(bytes, b, prefix) : { hash: createHash('sha256'), from: a };
  return hash
    .update(bytes.subarray(from, a + b))
    .update(bytes.subarray(c, c + d))
    .digest();
}

/** SHA-256 (hex) of the whole file. */
export function fileSha256(bytes: Buffer, prefix?: HashedPrefix): string {
  const { hash, from } = startHash(bytes, bytes.length, prefix);
  return hash.update(bytes.subarray(from)).digest('hex');
}
