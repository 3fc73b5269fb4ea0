// updateWithHex (hex-ascii.ts) must feed a hash exactly the bytes of the hex text that
// Buffer#toString('hex') makes, or every audit digest of a row with a blob (an attachment's
// signed PDF) would change. Lengths around its 32 KiB slice, odd lengths and odd offsets.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { updateWithHex } from '../../../electron/core/vault/audit/hex-ascii';
import { rowDigestWriter } from '../../../electron/core/vault/audit/row-canonical-text';

const viaString = (bytes: Uint8Array): string =>
  createHash('sha256').update(Buffer.from(bytes).toString('hex'), 'latin1').digest('hex');

const viaTable = (bytes: Uint8Array): string => {
  const hash = createHash('sha256');
  updateWithHex(hash, bytes);
  return hash.digest('hex');
};

describe('updateWithHex', () => {
  const pool = randomBytes(70_001);
  it.each([0, 1, 2, 3, 16_383, 16_384, 16_385, 32_768, 32_769, 70_000])(
    'hashes the hex text of %i bytes',
    (length) => {
      const bytes = pool.subarray(0, length);
      expect(viaTable(bytes)).toBe(viaString(bytes));
    },
  );

  it('reads a view at an odd offset of a larger buffer, and only the view', () => {
    const view = pool.subarray(1, 40_001);
    expect(viaTable(view)).toBe(viaString(view));
    expect(viaTable(view)).not.toBe(viaString(pool.subarray(0, 40_000)));
  });

  it('writes every byte value as two lowercase digits', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const hash = createHash('sha256');
    updateWithHex(hash, all);
    expect(hash.digest('hex')).toBe(
      createHash('sha256')
        .update([...all].map((b) => b.toString(16).padStart(2, '0')).join(''), 'latin1')
        .digest('hex'),
    );
  });

  it('continues a hash that already holds other text', () => {
    const bytes = pool.subarray(100, 5_101);
    const hash = createHash('sha256').update('{"$bytes":"', 'latin1');
    updateWithHex(hash, bytes);
    hash.update('"}', 'latin1');
    expect(hash.digest('hex')).toBe(
      createHash('sha256')
        .update(`{"$bytes":"${Buffer.from(bytes).toString('hex')}"}`, 'latin1')
        .digest('hex'),
    );
  });

  // The review feeds the hex of the ~230 KB every certificate starts with from a copy made once
  // (issue 14); a blob that differs anywhere in those bytes must be hexed from its own bytes.
  describe('with a known prefix', () => {
    const known = { bytes: Buffer.from(pool.subarray(0, 40_003)) };
    const viaKnown = (bytes: Uint8Array): string => {
      const hash = createHash('sha256');
      updateWithHex(hash, bytes, known);
      return hash.digest('hex');
    };
    const changedAt = (at: number): Buffer => {
      const bytes = Buffer.from(pool.subarray(0, 60_000));
      bytes[at] = (bytes[at] ?? 0) ^ 1;
      return bytes;
    };

    it.each([
      ['starts with the prefix', pool.subarray(0, 60_000)],
      ['is exactly the prefix', pool.subarray(0, 40_003)],
      ['is shorter than the prefix', pool.subarray(0, 40_002)],
      ['differs in its first byte', changedAt(0)],
      ['differs in the prefix’s last byte', changedAt(40_002)],
      ['differs just after the prefix', changedAt(40_003)],
      ['is a view at an odd offset', pool.subarray(1, 60_001)],
    ])('hashes the hex text of a blob that %s', (_, bytes) => {
      expect(viaKnown(bytes)).toBe(viaString(bytes));
    });

    it('gives every row the same digest with and without it', () => {
      const columns = ['id', 'content', 'certificate_id'];
      const rows: unknown[][] = [
        [1, pool.subarray(0, 60_000), 7],
        [2, changedAt(17), 8],
        [3, Buffer.alloc(0), 9],
      ];
      for (const row of rows)
        expect(rowDigestWriter(columns, known)(row)).toBe(rowDigestWriter(columns)(row));
    });
  });
});
