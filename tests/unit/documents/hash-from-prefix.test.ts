// The verifier's SHA-256s continued from a known prefix's state (hash-from-prefix.ts) equal the
// SHA-256s taken from the file's first byte: for a file that starts with the prefix, for one
// that differs from it in a single byte (hashed whole, never from the state), for a byte range
// that ends inside the prefix, and for one that does not start at 0.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HashedPrefix } from '../../../electron/core/documents/verify/hash-from-prefix';
import { fileSha256, rangesSha256 } from '../../../electron/core/documents/verify/hash-from-prefix';

const plainRanges = (bytes: Buffer, [a, b, c, d]: [number, number, number, number]): Buffer =>
  createHash('sha256')
    .update(bytes.subarray(a, a + b))
    .update(bytes.subarray(c, c + d))
    .digest();
const plainFile = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const prefixBytes = randomBytes(5_000);
const prefix: HashedPrefix = {
  bytes: prefixBytes,
  sha256: createHash('sha256').update(prefixBytes),
};
const file = Buffer.concat([prefixBytes, randomBytes(3_000)]);
const range: [number, number, number, number] = [0, 6_000, 6_500, 1_500];

describe('SHA-256 continued from a known prefix', () => {
  it('equals the SHA-256 from the first byte for a file that starts with the prefix', () => {
    expect(rangesSha256(file, range, prefix)).toEqual(plainRanges(file, range));
    expect(fileSha256(file, prefix)).toBe(plainFile(file));
    // The prefix's state is copied, never consumed: a second use gives the same digests.
    expect(rangesSha256(file, range, prefix)).toEqual(plainRanges(file, range));
    expect(fileSha256(file, prefix)).toBe(plainFile(file));
  });

  it('hashes the whole file when it differs from the prefix in one byte', () => {
    for (const at of [0, 2_500, prefixBytes.length - 1]) {
      const changed = Buffer.from(file);
      changed[at] = (changed[at] ?? 0) ^ 1;
      expect(rangesSha256(changed, range, prefix)).toEqual(plainRanges(changed, range));
      expect(rangesSha256(changed, range, prefix)).not.toEqual(plainRanges(file, range));
      expect(fileSha256(changed, prefix)).toBe(plainFile(changed));
    }
  });

  it('hashes from the first byte when the range ends inside the prefix or does not start at 0', () => {
    const short: [number, number, number, number] = [0, 4_000, 4_100, 3_900];
    expect(rangesSha256(file, short, prefix)).toEqual(plainRanges(file, short));
    const offset: [number, number, number, number] = [10, 5_990, 6_500, 1_500];
    expect(rangesSha256(file, offset, prefix)).toEqual(plainRanges(file, offset));
    const tiny = prefixBytes.subarray(0, 100);
    expect(fileSha256(tiny, prefix)).toBe(plainFile(tiny));
  });

  it('equals the plain SHA-256 without a prefix', () => {
    expect(rangesSha256(file, range)).toEqual(plainRanges(file, range));
    expect(fileSha256(file)).toBe(plainFile(file));
  });
});
