// The registered ranges of KP numbers in an audit package (issue 13, part 6), checked from the
// package's own stock rows as the vault's verification checks them (check-stock-ranges.ts): each
// range's digest recomputed over the rows of its batch (stock-range-digest.ts), and the numbers
// accounted for by their range alone, which must still be 'available' (the projection leaves the
// status out; every later change of a number has an event of its own).
import type { RangeRow } from '../vault/audit/stock-range-digest';
import { isStockRange, rangeBatchId, rangeDigestOf } from '../vault/audit/stock-range-digest';
import type { JsonRow } from './package-tables';

type RangeEvent = { seq: number; entityId: string; entityDigest: string };

export type PackageRanges = {
  /** The range whose rows differ from its latest event (the lowest seq), if any. */
  changed: RangeEvent | null;
  /** Batch id -> seq of the latest event of each range whose rows match it. */
  ranges: ReadonlyMap<number, number>;
};

/** `latest`: the latest event of each entity (digests without the queued rows' part). */
export function checkPackageStockRanges(
  latest: Iterable<RangeEvent & { entityType: string }>,
  stock: readonly JsonRow[],
): PackageRanges {
  const byBatch = new Map<number, RangeRow[]>();
  for (const row of stock) {
    const { batch_id: batchId, number, digits } = row;
    if (typeof batchId !== 'number' || typeof number !== 'string' || typeof digits !== 'number')
      continue;
    const rows = byBatch.get(batchId) ?? [];
    rows.push([number, digits]);
    byBatch.set(batchId, rows);
  }
  for (const rows of byBatch.values()) rows.sort((a, b) => a[1] - b[1]);
  let changed: RangeEvent | null = null;
  const ranges = new Map<number, number>();
  for (const event of latest) {
    if (!isStockRange(event.entityType)) continue;
    const batchId = rangeBatchId(event.entityId);
    const now = rangeDigestOf(event.entityId, (batch) => byBatch.get(batch) ?? []);
    if (now === event.entityDigest) {
      if (batchId !== null) ranges.set(batchId, event.seq);
    } else if (changed === null || event.seq < changed.seq) changed = event;
  }
  return { changed, ranges };
}

/** The seq of the range event that accounts for this stock row alone, or null if none does. */
export function rangeCovering(ranges: PackageRanges, row: JsonRow | undefined): number | null {
  if (row === undefined || typeof row.batch_id !== 'number') return null;
  return ranges.ranges.get(row.batch_id) ?? null;
}
