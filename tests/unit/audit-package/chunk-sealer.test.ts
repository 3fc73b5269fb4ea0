// The audit package's chunk sealer encrypts pieces as they arrive (issue 14, the export's speed)
// instead of gathering each chunk first: its output must stay byte for byte what sealing each
// CHUNK_BYTES slice of the whole plaintext gives (docs/audit-package.md), the last chunk with the
// final flag, whatever the pieces' sizes, including a last chunk that is exactly full and an
// empty payload; and every chunk must open with openChunk.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createChunkSealer,
  openChunk,
  sealChunk,
} from '../../../electron/core/audit-package/package-cipher';
import { CHUNK_BYTES } from '../../../electron/core/audit-package/package-format';

const key = randomBytes(32);
const prefix = randomBytes(7);
const header = Buffer.from('KPDESK-AUDIT-PACKAGE 1\n{"test":true}\n');

/** The format's definition: the plaintext cut into CHUNK_BYTES slices, each sealed alone. */
function reference(plain: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  const count = Math.max(1, Math.ceil(plain.length / CHUNK_BYTES));
  for (let i = 0; i < count; i += 1)
    chunks.push(
      sealChunk(
        key,
        prefix,
        header,
        i,
        i === count - 1,
        plain.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES),
      ),
    );
  return chunks;
}

function sealInPieces(plain: Buffer, sizes: readonly number[]): Buffer[] {
  const written: Buffer[] = [];
  const sealer = createChunkSealer(key, prefix, header, (sealed) => written.push(sealed));
  let offset = 0;
  for (let i = 0; offset < plain.length; i += 1) {
    const size = sizes[i % sizes.length] ?? 1;
    sealer.push(plain.subarray(offset, offset + size));
    offset += size;
  }
  sealer.finish();
  return written;
}

describe('createChunkSealer', () => {
  const cases: [string, number, number[]][] = [
    ['an empty payload', 0, [1]],
    ['less than a chunk, in odd pieces', 70_001, [512, 7, 260_000]],
    ['exactly one full chunk (the last, so final)', CHUNK_BYTES, [512, 264_000, 3]],
    ['exactly two full chunks in one piece', 2 * CHUNK_BYTES, [2 * CHUNK_BYTES]],
    ['two chunks and a bit, pieces across the boundaries', 2 * CHUNK_BYTES + 5, [300_001, 512]],
    ['a piece larger than a chunk', 3 * CHUNK_BYTES - 1, [CHUNK_BYTES + 17, 1]],
  ];
  it.each(cases)('writes what sealing each chunk gives: %s', (_name, length, sizes) => {
    const plain = randomBytes(length);
    const written = sealInPieces(plain, sizes);
    expect(Buffer.concat(written).equals(Buffer.concat(reference(plain)))).toBe(true);
    expect(written).toHaveLength(reference(plain).length);
    const opened = written.map((sealed, i) =>
      openChunk(key, prefix, header, i, i === written.length - 1, sealed),
    );
    expect(opened.every((chunk) => chunk !== undefined)).toBe(true);
    expect(Buffer.concat(opened as Buffer[]).equals(plain)).toBe(true);
  });
});
