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
// Since migration 0260 new events are compact (audit_events_compact: the text as hashed, the hash
// as bytes, no prev_hash); old ones stay in audit_events_legacy. Batches are cut at the first
// compact seq, so each is read from one table: a legacy batch as above, a compact one by
// walk-compact-batch.ts (its stored text hashed as it is). The exact path reads both tables
// merged in seq order, so it walks any mixture; a compact event's previous hash is the hash of
// the event before it in the walk (for a segment's first event: the stored hash at seq - 1).
import { hash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH } from './audit-chain';
import { storedBounds, storedHashReader } from './audit-event-tables';
import { eventFieldsText } from './event-fields-text';
import { isAscii } from './row-canonical-text';
import { compactBatchHolds, compactBatchReader, seqInText } from './walk-compact-batch';

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

/** A legacy row (compact 0), or a compact one (1: `at` holds the stored text, fields null). */
type EventRow = [
  seq: number,
  compact: 0 | 1,
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
  FROM audit_events_legacy WHERE seq BETWEEN ? AND ?`;

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

const linkMessage = (seq: number): string =>
  `Audit event ${String(seq)} does not follow the event before it: an event was removed or reordered.`;

/** The hash a compact event at `seq` follows when it starts a segment: the stored hash at seq - 1
 * (the genesis hash before seq 1); '' when that event is missing, which no link matches. */
export type PrevAt = (seq: number) => string;

function exactWalk(
  rows: Statement<{ low: number; high: number }, EventRow>,
  prevAt: PrevAt,
  segmentFrom: number,
  from: number,
  to: number,
  start: WalkState,
): WalkState {
  const exactBatches = start.exactBatches + 1;
  let { eventsChecked, lastHash, startPrev } = start;
  for (const row of rows.iterate({ low: from, high: to })) {
    const [seq, compact, at, userId, action, entityType, entityId, entityDigest] = row;
    const [, , , , , , , , storedPrev, stored] = row;
    const where = { seq, entityType, entityId };
    // The segment's first event links to the previous segment: the caller checks that link.
    const first = eventsChecked === 0 && seq === segmentFrom;
    // A compact event stores no previous hash: it is the hash of the event before it.
    const prevHash = compact === 1 ? (first ? prevAt(seq) : lastHash) : storedPrev;
    if (first) startPrev = prevHash;
    const broken = (kind: 'hash' | 'link', message: string): WalkState => ({
      eventsChecked,
      lastHash,
      exactBatches,
      startPrev,
      firstBreak: { ...where, kind, message },
    });
    // A removed event leaves its successor pointing at a hash that is no longer there; a compact
    // text moved to another row names a seq that is not the row's.
    if (
      (!first && prevHash !== lastHash) ||
      seq !== segmentFrom + eventsChecked ||
      (compact === 1 && seqInText(at) !== String(seq))
    )
      return broken('link', linkMessage(seq));
    const text =
      compact === 1
        ? at
        : eventFieldsText({ seq, at, userId, action, entityType, entityId, entityDigest });
    if (hash('sha256', prevHash + text, 'hex') !== stored)
      return broken('hash', `Audit event ${String(seq)} was altered after it was written.`);
    lastHash = stored;
    eventsChecked += 1;
  }
  return { eventsChecked, lastHash, exactBatches, startPrev };
}

// Both tables in seq order. A compact row's entity comes from its generated columns (for the
// report only); its stored text and hash are what is checked.
const eventRows = (db: Database): Statement<{ low: number; high: number }, EventRow> =>
  db
    .prepare<{ low: number; high: number }, EventRow>(
      `SELECT seq, 0, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash
         FROM audit_events_legacy WHERE seq BETWEEN @low AND @high
       UNION ALL
       SELECT seq, 1, body, NULL, NULL, entity_type, entity_id, NULL, NULL, lower(hex(hash))
         FROM audit_events_compact WHERE seq BETWEEN @low AND @high
       ORDER BY 1`,
    )
    .raw();

/** The first compact seq (Infinity when none): batches are cut there. */
function firstCompactSeq(db: Database): number {
  return (
    db.prepare<[], number | null>('SELECT min(seq) FROM audit_events_compact').pluck().get() ??
    Number.POSITIVE_INFINITY
  );
}

export function prevAtReader(db: Database): PrevAt {
  const stored = storedHashReader(db);
  return (seq) => (seq <= 1 ? GENESIS_HASH : (stored(seq - 1) ?? ''));
}

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
  const compactBatches = compactBatchReader(db);
  const prevAt = prevAtReader(db);
  const firstCompact = firstCompactSeq(db);
  let state: WalkState = { eventsChecked: 0, lastHash: '', exactBatches: 0, startPrev: null };
  for (let low = from; low <= to;) {
    // A batch ends before the first compact seq, so that it is read from one table.
    const high = Math.min(to, low + batchSize - 1, low < firstCompact ? firstCompact - 1 : to);
    const starts = low === from;
    let last: string | null;
    let startPrev = state.startPrev;
    if (low >= firstCompact) {
      const prev = starts ? prevAt(low) : state.lastHash;
      last = compactBatchHolds(compactBatches(low, high), low, high - low + 1, prev);
      if (starts) startPrev = prev;
    } else {
      const batch = batches.get(low, high) as Batch;
      last = fastBatchHolds(batch, high - low + 1, starts ? null : state.lastHash);
      if (starts) startPrev = batch.texts?.slice(0, 64) ?? null;
    }
    if (last !== null) {
      state = {
        eventsChecked: high - from + 1,
        lastHash: last,
        exactBatches: state.exactBatches,
        startPrev,
      };
    } else {
      state = exactWalk(rows, prevAt, from, low, high, state);
      // Events missing at a segment's end show at the next segment's first link (its startPrev).
      if (state.firstBreak !== undefined) break;
    }
    low = high + 1;
  }
  return { ...state, from, to };
}

/** The lowest and highest seq, or null for an empty chain. */
export function chainBounds(db: Database): { low: number; high: number } | null {
  return storedBounds(db);
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
    message: linkMessage(seq),
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
