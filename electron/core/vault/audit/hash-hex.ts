// Feeds a hash the lowercase hex text of some bytes without making that text as a string.
// An audit digest writes a blob as {"$bytes": hex} (canonical-json.ts), so a signed PDF of
// ~260 KiB is hashed as ~520 KiB of hex. Node 20's Buffer#toString('hex') took 3 to 7 ms for it
// on the build machine, the largest single cost of storing a bulk-issued certificate
// (bench/issue-batch-bench.ts); a table of the 65,536 two-byte pairs, written 4 hex digits at a
// time into a reused 32 KiB buffer, feeds the same bytes in about 1 ms.
import type { Hash } from 'node:crypto';

const DIGITS = '0123456789abcdef';
const CHUNK_PAIRS = 8192;

/** Two bytes (b0 | b1 << 8) → their four hex digits as one little- or big-endian word. */
const PAIRS = (() => {
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const table = new Uint32Array(65536);
  const code = (nibble: number): number => DIGITS.charCodeAt(nibble);
  for (let pair = 0; pair < 65536; pair += 1) {
    const b0 = pair & 0xff;
    const b1 = pair >> 8;
    const chars = [code(b0 >> 4), code(b0 & 15), code(b1 >> 4), code(b1 & 15)];
    table[pair] = little
      ? (chars[0] ?? 0) | ((chars[1] ?? 0) << 8) | ((chars[2] ?? 0) << 16) | ((chars[3] ?? 0) << 24)
      : (chars[3] ?? 0) |
        ((chars[2] ?? 0) << 8) |
        ((chars[1] ?? 0) << 16) |
        ((chars[0] ?? 0) << 24);
  }
  return table;
})();

const words = new Uint32Array(CHUNK_PAIRS);
const wordBytes = Buffer.from(words.buffer);

/** hash.update(hex of bytes, 'latin1'), the same bytes in the same order. */
export function updateWithHex(hash: Hash, bytes: Uint8Array): void {
  const count = bytes.length;
  let at = 0;
  while (count - at >= 2) {
    let filled = 0;
    while (filled < CHUNK_PAIRS && count - at >= 2) {
      words[filled] = PAIRS[(bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8)] ?? 0;
      filled += 1;
      at += 2;
    }
    hash.update(wordBytes.subarray(0, filled * 4));
  }
  if (at < count) {
    const last = bytes[at] ?? 0;
    hash.update(`${DIGITS[last >> 4] ?? ''}${DIGITS[last & 15] ?? ''}`, 'latin1');
  }
}
