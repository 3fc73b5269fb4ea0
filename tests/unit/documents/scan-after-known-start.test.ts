// The verifier's key scans (scan-pdf.ts occurrences) skip the bytes every certificate starts
// with, using the positions found in them once (issue 14, the full review). The positions must be
// exactly those of a scan over the whole file: keys inside the known bytes, keys that straddle
// their end, repeated and overlapping keys, limits and span ends that cut inside them, and files
// that differ from the known bytes anywhere.
import { describe, expect, it } from 'vitest';
import { occurrences } from '../../../electron/core/documents/verify/scan-pdf';

// A small alphabet makes matches (and near-matches) frequent.
function randomText(length: number, seed: number): Buffer {
  const pieces = ['/ByteRange', '/Byte', 'Range', '/Sub', '/Subject', 'ject', 'aa', '/', ' '];
  let state = seed;
  let text = '';
  while (text.length < length) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += pieces[state % pieces.length] ?? '';
  }
  return Buffer.from(text.slice(0, length), 'latin1');
}

describe('key positions after a known start', () => {
  const needles = ['/ByteRange', '/Subject', 'aaa', '/'];

  it('are the positions of a scan over the whole file', () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed += 1) {
      const file = randomText(3_000, seed);
      for (const knownLength of [5, 64, 1_001, 2_999, 3_000]) {
        // A fresh object per case: the positions are remembered per known start.
        const known = { bytes: Buffer.from(file.subarray(0, knownLength)) };
        for (const needle of needles)
          for (const end of [file.length, knownLength, knownLength - 3, 1_500])
            for (const limit of [1, 4, 16, 10_000]) {
              expect(occurrences(file, needle, 0, end, limit, known)).toEqual(
                occurrences(file, needle, 0, end, limit),
              );
              compared += 1;
            }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('finds a key that straddles the end of the known bytes', () => {
    const file = Buffer.from('xxxxxxx/ByteRange [0 1 2 3] /ByteRange', 'latin1');
    const known = { bytes: Buffer.from(file.subarray(0, 12)) };
    expect(occurrences(file, '/ByteRange', 0, file.length, 16, known)).toEqual([7, 28]);
  });

  it('scans a file that differs from the known bytes on its own', () => {
    const known = { bytes: Buffer.from('/Subject aaaa /Subject bbbb', 'latin1') };
    const file = Buffer.from('/Subject aaaa /Subjext bbbb /Subject', 'latin1');
    expect(occurrences(file, '/Subject', 0, file.length, 16, known)).toEqual([0, 28]);
    expect(occurrences(Buffer.from('/Sub', 'latin1'), '/Subject', 0, 4, 16, known)).toEqual([]);
  });

  it('starts a span that begins after 0 where it begins', () => {
    const file = randomText(2_000, 7);
    const known = { bytes: Buffer.from(file.subarray(0, 1_500)) };
    expect(occurrences(file, '/Subject', 1_200, 1_900, 16, known)).toEqual(
      occurrences(file, '/Subject', 1_200, 1_900, 16),
    );
  });
});
