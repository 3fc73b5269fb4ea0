// Walks the hash chain in seq order: every hash recomputed, every link to the previous hash
// checked, seq numbers without a hole. Two paths that give the same answer:
// - fast: batches of consecutive events whose canonical text SQLite writes out (one string per
//   batch instead of nine values per row crossing into JavaScript). It is used only where its
//   text is provably the canonical text: all of it ASCII (json_quote and JSON.stringify escape
//   every ASCII character alike: tests/integration/vault/audit-chain-batches.test.ts) and both
//   hashes 64 characters;
// - exact: row by row with eventFieldsText (the canonical text), used for any batch the fast path
//   does not pass, so that every break is found, and reported, by the exact path alone.
import { hash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH } from './audit-chain';
import { eventFieldsText } from './event-fields-text';
import { NON_ASCII } from './row-canonical-text';

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

type Batch = { n: number; odd: number; texts: string | null };

// Per row: prev_hash, canonical text of the fields, hash; rows joined by a line feed. `odd`
// counts rows the fast path must not judge: a hash that is not 64 characters (the text could
// then be cut in more than one way). The rows come in rowid (= seq) order of the range scan; no
// ORDER BY, which would sort every batch again. Should they ever come otherwise, the links would
// not hold and the exact path decides.
const BATCH_SQL = `SELECT count(*) AS n,
    total(length(prev_hash) <> 64 OR length(hash) <> 64
          OR typeof(user_id) NOT IN ('integer', 'null')) AS odd,
    group_concat(prev_hash || '{"action":' || json_quote(action) || ',"at":' || json_quote(at)
      || ',"entityDigest":' || json_quote(entity_digest) || ',"entityId":' || json_quote(entity_id)
      || ',"entityType":' || json_quote(entity_type) || ',"seq":' || seq
      || ',"userId":' || coalesce(user_id, 'null') || '}' || hash, char(10)) AS texts
  FROM audit_events WHERE seq BETWEEN ? AND ?`;

/** The fast path over one batch: the hash of its last event when every event is present and
 * sound, else null (the exact path then walks the batch). */
function fastBatchHolds(batch: Batch, expected: number, prevHash: string): string | null {
  if (batch.n !== expected || batch.odd !== 0 || batch.texts === null) return null;
  // json_quote and JSON.stringify agree on every ASCII character, control characters included
  // (tested); a batch with any other character goes the exact way.
  // (A line feed in a hash column shows as one row too many.)
  if (NON_ASCII.test(batch.texts)) return null;
  let previous = prevHash;
  const rows = batch.texts.split('\n');
  if (rows.length !== expected) return null;
  for (const row of rows) {
    const stored = row.slice(-64);
    if (!row.startsWith(previous) || hash('sha256', row.slice(0, -64), 'hex') !== stored)
      return null;
    previous = stored;
  }
  return previous;
}

function exactWalk(
  rows: Statement<[number, number], EventRow>,
  from: number,
  to: number,
  start: ChainWalk,
): ChainWalk {
  const exactBatches = start.exactBatches + 1;
  let { eventsChecked, lastHash } = start;
  for (const row of rows.iterate(from, to)) {
    const [seq, at, userId, action, entityType, entityId, entityDigest, prevHash, stored] = row;
    const where = { seq, entityType, entityId };
    // A removed event leaves its successor pointing at a hash that is no longer there.
    if (prevHash !== lastHash || seq !== eventsChecked + 1)
      return {
        eventsChecked,
        lastHash,
        exactBatches,
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
        firstBreak: {
          ...where,
          kind: 'hash',
          message: `Audit event ${String(seq)} was altered after it was written.`,
        },
      };
    lastHash = stored;
    eventsChecked += 1;
  }
  return { eventsChecked, lastHash, exactBatches };
}

export function walkAuditChain(db: Database, options: WalkOptions = {}): ChainWalk {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const rows = db
    .prepare<[number, number], EventRow>(
      `SELECT seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash
         FROM audit_events WHERE seq BETWEEN ? AND ? ORDER BY seq`,
    )
    .raw();
  const bounds = db
    .prepare<[], { low: number | null; high: number | null }>(
      // Two subqueries: each is one seek, where min and max together scan a whole index.
      'SELECT (SELECT min(seq) FROM audit_events) AS low, (SELECT max(seq) FROM audit_events) AS high',
    )
    .get();
  const low = bounds?.low ?? null;
  const high = bounds?.high ?? null;
  const start: ChainWalk = { eventsChecked: 0, lastHash: GENESIS_HASH, exactBatches: 0 };
  if (low === null || high === null) return start;
  // Events before seq 1 cannot be batched from 1: the exact path reports the first of them.
  if (low < 1) return exactWalk(rows, low, high, start);
  const batches = db.prepare<[number, number], Batch>(BATCH_SQL);
  let state: ChainWalk = start;
  for (let from = 1; from <= high; from += batchSize) {
    const to = Math.min(high, from + batchSize - 1);
    const last = fastBatchHolds(batches.get(from, to) as Batch, to - from + 1, state.lastHash);
    if (last !== null) {
      state = { eventsChecked: to, lastHash: last, exactBatches: state.exactBatches };
      continue;
    }
    state = exactWalk(rows, from, to, state);
    if (state.firstBreak !== undefined) return state;
  }
  return state;
}
