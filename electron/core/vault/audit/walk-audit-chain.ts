// Walks the hash chain in seq order: every hash recomputed, every link to the previous hash
// checked, seq numbers without a hole. The chain can be walked in segments (seq ranges), each on
// its own: a segment takes its first event's prev_hash as given and reports it (startPrev), and
// whoever joins the segments checks that it equals the previous segment's last hash
// (verify-audit-chain.ts), so that two threads can walk halves of the chain at once.
// Two paths that give the same answer:
// - fast: batches of consecutive events whose canonical text SQLite writes out (one string per
//   batch instead of nine values per row crossing into JavaScript). It is used only where its
//   text is provably the canonical text: all of it ASCII (json_object and JSON.stringify escape
//   every ASCII character alike: tests/integration/vault/audit-chain-batches.test.ts) and both
//   hashes 64 characters;
// - exact: row by row with eventFieldsText (the canonical text), used for any batch the fast path
//   does not pass, so that every break is found, and reported, by the exact path alone.
import { hash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH } from './audit-chain';
import { eventFieldsText } from './event-fields-text';
import { isAscii } from './row-canonical-text';

export type ChainBreak = {
  seq: number;
  kind: 'hash' | 'link';
  entityType: string;
  entityId: string;
  message: string;
};

export type ChainWalk = {
  eventsChecked: number;
  /** The hash of the last event checked (the genesis hash before the first). */
  lastHash: string;
  /** Batches the fast path did not pass, walked row by row (0 on a clean ASCII chain). */
  exactBatches: number;
  firstBreak?: ChainBreak;
};

/** One segment's walk: its links inside are checked, the one into it is left to the caller. */
export type SegmentWalk = ChainWalk & {
  from: number;
  to: number;
  /** prev_hash of the segment's first event; null when that event is missing. */
  startPrev: string | null;
};

export type WalkOptions = { batchSize?: number };

const DEFAULT_BATCH = 2_000;

type EventRow = [
  seq: number,
  at: string,
  userId: number | null,
  action: string,
  entityType: string,
  entityId: string,
  entityDigest: string,
  prevHash: string,
  hash: string,
];

type Batch = { n: number; texts: string | null };

// Per row: prev_hash, the canonical text of the fields, hash, separated by a tab; rows joined by
// a line feed. json_object writes the fields in the order given (the sorted order of
// canonicalJson) with the escaping of json_quote, in one call per row, and never a raw tab or line
// feed (it escapes every control character), so the separators cut each row in exactly one way;
// a tab or line feed in a hash column shows as a cut in the wrong place, which the fast path
// refuses. The rows come in rowid (= seq) order of the range scan; no ORDER BY, which would sort
// every batch again. Should they ever come otherwise, the links would not hold and the exact path
// decides. (The lengths and types are checked in JavaScript on the text: in SQL the three extra
// column reads per row cost about 0.6 µs per event, 4 s of CPU at a million certificates.)
const BATCH_SQL = `SELECT count(*) AS n,
    group_concat(prev_hash || char(9) || json_object('action', action, 'at', at,
      'entityDigest', entity_digest, 'entityId', entity_id, 'entityType', entity_type,
      'seq', seq, 'userId', user_id) || char(9) || hash, char(10)) AS texts
  FROM audit_events WHERE seq BETWEEN ? AND ?`;

/** The end of the canonical text as the exact path writes it: an integer user id or null. */
const USER_ID_TAIL = /"userId":(?:-?\d+|null)\}$/;

/** The fast path over one batch: the hash of its last event when every event is present and
 * sound, else null (the exact path then walks the batch). `prevHash` null: the batch starts a
 * segment, and its first link is the caller's to check. */
function fastBatchHolds(batch: Batch, expected: number, prevHash: string | null): string | null {
  if (batch.n !== expected || batch.texts === null) return null;
  // json_object and JSON.stringify agree on every ASCII character, control characters included
  // (tested); a batch with any other character goes the exact way.
  if (!isAscii(batch.texts)) return null;
  const rows = batch.texts.split('\n');
  if (rows.length !== expected) return null;
  let previous = prevHash ?? rows[0]?.slice(0, 64) ?? '';
  for (const row of rows) {
    // prev_hash and hash exactly 64 characters each: the text is then cut as the exact path
    // reads the columns. A REAL user id (JSON writes it unlike canonicalNumber) is refused too.
    const fields = row.length - 65;
    if (row.charCodeAt(64) !== 9 || row.indexOf('\t', 65) !== fields) return null;
    const prev = row.slice(0, 64);
    const text = row.slice(65, fields);
    const stored = row.slice(fields + 1);
    if (prev !== previous || !USER_ID_TAIL.test(text)) return null;
    if (hash('sha256', prev + text, 'hex') !== stored) return null;
    previous = stored;
  }
  return previous;
}

type WalkState = ChainWalk & { startPrev: string | null };

function exactWalk(
  rows: Statement<[number, number], EventRow>,
  segmentFrom: number,
  from: number,
  to: number,
  start: WalkState,
): WalkState {
  const exactBatches = start.exactBatches + 1;
  let { eventsChecked, lastHash, startPrev } = start;
  for (const row of rows.iterate(from, to)) {
    const [seq, at, userId, action, entityType, entityId, entityDigest, prevHash, stored] = row;
    const where = { seq, entityType, entityId };
    // The segment's first event links to the previous segment: the caller checks that link.
    const first = eventsChecked === 0 && seq === segmentFrom;
    if (first) startPrev = prevHash;
    // A removed event leaves its successor pointing at a hash that is no longer there.
    if ((!first && prevHash !== lastHash) || seq !== segmentFrom + eventsChecked)
      return {
        eventsChecked,
        lastHash,
        exactBatches,
        startPrev,
        firstBreak: {
          ...where,
          kind: 'link',
          message: `Audit event ${String(seq)} does not follow the event before it: an event was removed or reordered.`,
        },
      };
    const text = eventFieldsText({ seq, at, userId, action, entityType, entityId, entityDigest });
    if (hash('sha256', prevHash + text, 'hex') !== stored)
      return {
        eventsChecked,
        lastHash,
        exactBatches,
        startPrev,
        firstBreak: {
          ...where,
          kind: 'hash',
          message: `Audit event ${String(seq)} was altered after it was written.`,
        },
      };
    lastHash = stored;
    eventsChecked += 1;
  }
  return { eventsChecked, lastHash, exactBatches, startPrev };
}

const eventRows = (db: Database): Statement<[number, number], EventRow> =>
  db
    .prepare<[number, number], EventRow>(
      `SELECT seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash
         FROM audit_events WHERE seq BETWEEN ? AND ? ORDER BY seq`,
    )
    .raw();

/**
 * Walks the events with seq in [from, to] (from >= 1). An event missing inside the range breaks
 * the link of the next one; events missing at its end leave eventsChecked short, and the next
 * segment's first link (its startPrev) no longer matches this segment's last hash (joinSegments).
 */
export function walkChainSegment(
  db: Database,
  from: number,
  to: number,
  options: WalkOptions = {},
): SegmentWalk {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const rows = eventRows(db);
  const batches = db.prepare<[number, number], Batch>(BATCH_SQL);
  let state: WalkState = { eventsChecked: 0, lastHash: '', exactBatches: 0, startPrev: null };
  for (let low = from; low <= to; low += batchSize) {
    const high = Math.min(to, low + batchSize - 1);
    const batch = batches.get(low, high) as Batch;
    const last = fastBatchHolds(batch, high - low + 1, low === from ? null : state.lastHash);
    if (last !== null) {
      const startPrev = low === from ? (batch.texts?.slice(0, 64) ?? null) : state.startPrev;
      state = {
        eventsChecked: high - from + 1,
        lastHash: last,
        exactBatches: state.exactBatches,
        startPrev,
      };
      continue;
    }
    state = exactWalk(rows, from, low, high, state);
    // Events missing at a segment's end show at the next segment's first link (its startPrev).
    if (state.firstBreak !== undefined) break;
  }
  return { ...state, from, to };
}

/** The lowest and highest seq, or null for an empty chain. */
export function chainBounds(db: Database): { low: number; high: number } | null {
  const bounds = db
    .prepare<[], { low: number | null; high: number | null }>(
      // Two subqueries: each is one seek, where min and max together scan a whole index.
      'SELECT (SELECT min(seq) FROM audit_events) AS low, (SELECT max(seq) FROM audit_events) AS high',
    )
    .get();
  return bounds?.low == null || bounds.high == null ? null : { low: bounds.low, high: bounds.high };
}

function linkBreakAt(db: Database, seq: number): ChainBreak {
  const where = db
    .prepare<[number], { entityType: string; entityId: string }>(
      'SELECT entity_type AS entityType, entity_id AS entityId FROM audit_events WHERE seq = ?',
    )
    .get(seq) ?? { entityType: '', entityId: '' };
  return {
    seq,
    ...where,
    kind: 'link',
    message: `Audit event ${String(seq)} does not follow the event before it: an event was removed or reordered.`,
  };
}

/**
 * Joins the walks of consecutive segments covering [1, high] into the walk of the whole chain:
 * each segment's first event must follow the previous segment's last (the first, the genesis
 * hash). The first break in seq order is reported, with the events checked before it, as one walk
 * from the start would report it.
 */
export function joinSegments(db: Database, segments: readonly SegmentWalk[]): ChainWalk {
  let eventsChecked = 0;
  let lastHash = GENESIS_HASH;
  let exactBatches = 0;
  for (const segment of segments) {
    exactBatches += segment.exactBatches;
    if (segment.startPrev !== null && segment.startPrev !== lastHash)
      return { eventsChecked, lastHash, exactBatches, firstBreak: linkBreakAt(db, segment.from) };
    eventsChecked += segment.eventsChecked;
    if (segment.firstBreak !== undefined)
      return {
        eventsChecked,
        lastHash: segment.lastHash,
        exactBatches,
        firstBreak: segment.firstBreak,
      };
    if (segment.eventsChecked > 0) lastHash = segment.lastHash;
  }
  return { eventsChecked, lastHash, exactBatches };
}

/** Seq ranges of at most `size` events covering [1, high]. */
export function chainSegments(high: number, size: number): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  for (let from = 1; from <= high; from += size)
    ranges.push({ from, to: Math.min(high, from + size - 1) });
  return ranges;
}

/** The whole chain walked in one thread (verify-audit-chain.ts walks it in segments). */
export function walkAuditChain(db: Database, options: WalkOptions = {}): ChainWalk {
  const bounds = chainBounds(db);
  if (bounds === null) return { eventsChecked: 0, lastHash: GENESIS_HASH, exactBatches: 0 };
  // An event before seq 1 was not written by KP Desk: the chain breaks there.
  if (bounds.low < 1)
    return {
      eventsChecked: 0,
      lastHash: GENESIS_HASH,
      exactBatches: 0,
      firstBreak: linkBreakAt(db, bounds.low),
    };
  return joinSegments(db, [walkChainSegment(db, 1, bounds.high, options)]);
}
