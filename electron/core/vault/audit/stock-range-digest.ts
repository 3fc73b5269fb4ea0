// One audit event per registered range of KP numbers (issue 13, part 6), instead of one per
// number: registering N blank forms costs O(1) events (docs/audit-verification-speed.md, "One
// stock event per registered range").
//
// The range's entity is the registration (entity type `stock_range`, entity id: the stock batch
// id, as text). Its digest is taken over the registration-time projection of the batch's rows:
//
//   sha256( canonical JSON of
//     { "batch": <batch id>, "count": <rows>, "first": <first number or null>,
//       "last": <last number or null>, "numbers": [[<number>, <digits>], ...] } )
//
// with the rows of `stock` whose batch_id is the batch, in ascending `digits` (UNIQUE), keys
// sorted and no whitespace (canonical-json.ts). `status` is left out: it is 'available' when the
// range is registered and changes later, each change with an event of its own for that number
// ('stock.take', 'stock.void', ...). So a number whose only event is its range must still be
// 'available' (check-stock-ranges.ts): a status changed behind KP Desk is a break, as a changed
// row is. A number added to the batch, removed from it, renumbered or moved to another batch
// changes the projection, and the range's digest names the range.
import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

export const STOCK_RANGE = 'stock_range';
export type StockRangeType = typeof STOCK_RANGE;

export const isStockRange = (type: string): type is StockRangeType => type === STOCK_RANGE;

/** One row of the projection: [number, digits]. */
export type RangeRow = readonly [number: string, digits: number];

/**
 * The digest defined above, hashed as it is written (a range of 100,000 numbers would otherwise
 * be one 2 MB string). `rows` must be in ascending digits. Equal to digestOf(projection) of the
 * same object (tests/unit/vault/stock-range-digest.test.ts holds both to it).
 */
export function stockRangeDigest(batchId: number, rows: readonly RangeRow[]): string {
  const hash = createHash('sha256');
  const first = rows[0];
  const last = rows.at(-1);
  hash.update(
    `{"batch":${JSON.stringify(batchId)},"count":${String(rows.length)},` +
      `"first":${JSON.stringify(first?.[0] ?? null)},"last":${JSON.stringify(last?.[0] ?? null)},` +
      '"numbers":[',
    'utf8',
  );
  let chunk = '';
  for (let i = 0; i < rows.length; i += 1) {
    const [number, digits] = rows[i] as RangeRow;
    chunk += `${i === 0 ? '' : ','}[${JSON.stringify(number)},${JSON.stringify(digits)}]`;
    if (chunk.length > 65_536) {
      hash.update(chunk, 'utf8');
      chunk = '';
    }
  }
  hash.update(`${chunk}]}`, 'utf8');
  return hash.digest('hex');
}

/** The batch id a range's entity id names, or null when it names none (a hand-made event). */
export function rangeBatchId(entityId: string): number | null {
  return /^[1-9][0-9]{0,15}$/.test(entityId) ? Number(entityId) : null;
}

/** The range's rows in the vault now, read by the index stock_by_batch (migration 0310). */
export function createStockRangeRows(db: Database): (batchId: number) => RangeRow[] {
  let statement: Statement<[number], RangeRow> | undefined;
  return (batchId) => {
    statement ??= db
      .prepare<[number], RangeRow>(
        'SELECT number, digits FROM stock WHERE batch_id = ? ORDER BY digits',
      )
      .raw();
    return statement.all(batchId);
  };
}

/** The digest of range `entityId` over the rows `rowsOf` gives for its batch. */
export function rangeDigestOf(entityId: string, rowsOf: (batchId: number) => RangeRow[]): string {
  const batchId = rangeBatchId(entityId);
  // An id that names no batch: the digest of an empty projection under batch 0, which no range
  // KP Desk writes has, so a hand-made event with such an id covers no number.
  return batchId === null ? stockRangeDigest(0, []) : stockRangeDigest(batchId, rowsOf(batchId));
}

/** The digest of range `entityId` as its rows are now (the writer's and the verifier's). */
export function createStockRangeDigester(db: Database): (entityId: string) => string {
  const rowsOf = createStockRangeRows(db);
  return (entityId) => rangeDigestOf(entityId, rowsOf);
}
