// The part of the entity check that concerns registered ranges of KP numbers (issue 13, part 6;
// stock-range-digest.ts defines the range's digest). Since a registration writes one event for its
// whole range, a stock row may have no event of its own: the range's event then accounts for it,
// as long as
//   1. the range's digest, taken over the batch's rows now, is the one its event recorded (a
//      number added to the batch, removed from it, renumbered or moved to another batch breaks
//      it, and the break names the range), and
//   2. the number is still 'available', as it was registered: the projection leaves the status
//      out, and every later change of a number ('stock.take', 'stock.void', ...) has an event of
//      its own, so a used or voided number with no event but its range was changed outside KP
//      Desk (31 CFR 592.307: a number is used once, and the record of it kept).
// A number of a batch without a range event (vaults written before this part: one
// 'stock.register' event per number) is accounted for by its own events, as before.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ownDigest } from './queued-digests';
import {
  STOCK_RANGE,
  createStockRangeRows,
  rangeBatchId,
  rangeDigestOf,
} from './stock-range-digest';

type Latest = { entityId: string; seq: number; digest: string };

export type RangeChange = { seq: number; entityType: string; entityId: string };

export type RangeFindings = {
  /** The range whose rows differ from its event, with the lowest seq. */
  changed: RangeChange | null;
  /** Each range whose rows match its event: its batch id and the seq of that event. */
  ranges: ReadonlyMap<number, number>;
  /** Stock rows accounted for by their range alone (no event of their own, still available). */
  covered: number;
};

/** The latest event of each range, from each event table's covering index (two seeks). */
function latestRangeEvents(db: Database): Latest[] {
  const latest = new Map<string, Latest>();
  for (const table of ['audit_events_legacy', 'audit_events_compact']) {
    const rows = db
      .prepare<[string], [string, number, string]>(
        `SELECT entity_id, max(seq), entity_digest FROM ${table}
          WHERE entity_type = ? GROUP BY entity_id`,
      )
      .raw()
      .all(STOCK_RANGE);
    for (const [entityId, seq, digest] of rows) {
      const known = latest.get(entityId);
      if (known === undefined || known.seq < seq) latest.set(entityId, { entityId, seq, digest });
    }
  }
  return [...latest.values()];
}

// A stock row's own events, in either event table (each an index seek).
const NO_OWN_EVENT = `NOT EXISTS (SELECT 1 FROM audit_events_legacy AS a
                        WHERE a.entity_type = 'stock' AND a.entity_id = t.number)
  AND NOT EXISTS (SELECT 1 FROM audit_events_compact AS a
                   WHERE a.entity_type = 'stock' AND a.entity_id = t.number)`;

const IN_RANGES = 't.batch_id IN (SELECT value FROM json_each(@ranges))';

export function checkStockRanges(db: Database): RangeFindings {
  const rowsOf = createStockRangeRows(db);
  let changed: RangeChange | null = null;
  const ranges = new Map<number, number>();
  for (const { entityId, seq, digest } of latestRangeEvents(db)) {
    const batchId = rangeBatchId(entityId);
    if (rangeDigestOf(entityId, rowsOf) === ownDigest(digest)) {
      if (batchId !== null) ranges.set(batchId, seq);
    } else if (changed === null || seq < changed.seq)
      changed = { seq, entityType: STOCK_RANGE, entityId };
  }
  const covered =
    ranges.size === 0
      ? 0
      : (db
          .prepare<{ ranges: string }, number>(
            `SELECT count(*) FROM stock AS t
              WHERE t.status = 'available' AND ${IN_RANGES} AND ${NO_OWN_EVENT}`,
          )
          .pluck()
          .get({ ranges: JSON.stringify([...ranges.keys()]) }) ?? 0);
  return { changed, ranges, covered };
}

export type UncoveredStock = {
  number: string;
  /** The seq of the range event the number is registered by, when it has one. */
  rangeSeq: number | null;
};

/**
 * The first stock row that neither an event of its own nor its range accounts for: a number added
 * outside KP Desk (rangeSeq null), or one of a range whose status changed with no event.
 */
export function firstUncoveredStock(
  db: Database,
  findings: RangeFindings,
  coveredKeys?: ReadonlySet<string>,
): UncoveredStock | null {
  // A number an imported record's event covers (check-covered-rows.ts) is accounted for there.
  const rows = db
    .prepare<{ ranges: string }, { number: string; batchId: number }>(
      `SELECT t.number, t.batch_id AS batchId FROM stock AS t
        WHERE ${NO_OWN_EVENT} AND NOT (t.status = 'available' AND ${IN_RANGES})`,
    )
    .iterate({ ranges: JSON.stringify([...findings.ranges.keys()]) });
  for (const row of rows) {
    if (coveredKeys?.has(row.number) === true) continue;
    return { number: row.number, rangeSeq: findings.ranges.get(row.batchId) ?? null };
  }
  return null;
}
