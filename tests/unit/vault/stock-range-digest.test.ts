// The digest of a registered range (issue 13, part 6) is hashed as it is written, in chunks; it
// must be exactly sha256 of the canonical JSON of the documented projection, whatever the size.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/core/vault/audit/canonical-json';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import type { RangeRow } from '../../../electron/core/vault/audit/stock-range-digest';
import {
  rangeBatchId,
  stockRangeDigest,
} from '../../../electron/core/vault/audit/stock-range-digest';

const rowsOf = (first: number, count: number): RangeRow[] =>
  Array.from({ length: count }, (_, i) => [`US${String(first + i)}`, first + i] as const);

const projection = (batch: number, rows: readonly RangeRow[]) => ({
  batch,
  count: rows.length,
  first: rows[0]?.[0] ?? null,
  last: rows.at(-1)?.[0] ?? null,
  numbers: rows.map(([number, digits]) => [number, digits]),
});

describe('stockRangeDigest', () => {
  it('is sha256 of the canonical projection, for an empty, a small and a large range', () => {
    for (const rows of [[], rowsOf(12340, 1), rowsOf(12340, 20), rowsOf(1_000_000, 20_000)]) {
      const text = canonicalJson(projection(7, rows));
      expect(stockRangeDigest(7, rows)).toBe(createHash('sha256').update(text).digest('hex'));
      expect(stockRangeDigest(7, rows)).toBe(digestOf(projection(7, rows)));
    }
    expect(canonicalJson(projection(3, rowsOf(5, 2)))).toBe(
      '{"batch":3,"count":2,"first":"US5","last":"US6","numbers":[["US5",5],["US6",6]]}',
    );
  });

  it('changes with the batch, a number, its digits, a row more or less', () => {
    const rows = rowsOf(500, 10);
    const base = stockRangeDigest(1, rows);
    expect(stockRangeDigest(2, rows)).not.toBe(base);
    expect(stockRangeDigest(1, rows.slice(1))).not.toBe(base);
    expect(stockRangeDigest(1, [...rows, ['US510', 510]])).not.toBe(base);
    expect(
      stockRangeDigest(
        1,
        rows.map(([n, d]) => [n, d === 505 ? 9999 : d]),
      ),
    ).not.toBe(base);
    expect(
      stockRangeDigest(
        1,
        rows.map(([n, d]) => [n === 'US505' ? 'US5O5' : n, d]),
      ),
    ).not.toBe(base);
  });

  it('reads a batch id only from a plain positive integer', () => {
    expect(rangeBatchId('12')).toBe(12);
    for (const id of ['0', '012', '1.5', '-3', '', ' 1', '1e3', '99999999999999999'])
      expect(rangeBatchId(id)).toBeNull();
  });
});
