// The fast path of the chain walk over compact events (migration 0260): a batch of consecutive
// events read as two byte strings, their stored texts joined by line feeds and their hashes in hex,
// and each hash recomputed over the previous hash and the stored bytes as they are, with no JSON
// built and no JavaScript string made per event (as strings, the same work cost about 20 µs per
// event, mostly decoding and garbage; as bytes about 0.5 µs, measured at 100,000 certificates).
// A canonical text never holds a raw line feed (JSON.stringify escapes every control character),
// so the texts cut in exactly one way; a text with one (or any other oddity) makes the batch
// fail here, and the exact path of walk-audit-chain.ts then walks it row by row and is alone in
// deciding and reporting a break.
import { hash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

type CompactBatch = { n: number; texts: Buffer | null; hashes: Buffer | null };

// Rows come in rowid (= seq) order of the range scan; no ORDER BY, which would sort each batch
// again. Should they ever come otherwise, the seq check below fails and the exact path decides.
// CAST AS BLOB hands the bytes over as they are stored (UTF-8), without a string.
const COMPACT_BATCH_SQL = `SELECT count(*) AS n,
    CAST(group_concat(body, char(10)) AS BLOB) AS texts,
    CAST(group_concat(lower(hex(hash)), '') AS BLOB) AS hashes
  FROM audit_events_compact WHERE seq BETWEEN ? AND ?`;

export type CompactBatchReader = (low: number, high: number) => CompactBatch;

export function compactBatchReader(db: Database): CompactBatchReader {
  const statement: Statement<[number, number], CompactBatch> = db.prepare(COMPACT_BATCH_SQL);
  return (low, high) => statement.get(low, high) as CompactBatch;
}

const LINE_FEED = 10;
const COMMA = 44;
const SEQ_KEY = Buffer.from(',"seq":', 'latin1');

/** The seq written in the text texts[start, end) ({..."seq":N,"userId":…}), or -1. */
function seqInBytes(texts: Buffer, start: number, end: number): number {
  const at = texts.lastIndexOf(SEQ_KEY, end - 1);
  if (at < start) return -1;
  let value = 0;
  let p = at + SEQ_KEY.length;
  const first = p;
  for (; p < end && texts[p] !== COMMA; p += 1) {
    const digit = (texts[p] ?? 0) - 48;
    if (digit < 0 || digit > 9 || p - first > 15) return -1;
    value = value * 10 + digit;
  }
  return p === first || p === end ? -1 : value;
}

let scratch = Buffer.alloc(1 << 16);

/**
 * The hash of the batch's last event when all `expected` events of [low, low + expected) are
 * there, each hash is sha256(previous hash + stored text) and each text names its own seq; else
 * null. `prevHash` is the hash before `low` (known: compact rows do not store it).
 */
export function compactBatchHolds(
  batch: CompactBatch,
  low: number,
  expected: number,
  prevHash: string,
): string | null {
  const { texts, hashes } = batch;
  if (batch.n !== expected || texts === null || hashes === null) return null;
  if (hashes.length !== expected * 64 || prevHash.length !== 64) return null;
  scratch.write(prevHash, 0, 64, 'latin1');
  let start = 0;
  for (let i = 0; i < expected; i += 1) {
    const cut = texts.indexOf(LINE_FEED, start);
    const end = cut < 0 ? texts.length : cut;
    // The last text ends the batch; any other ends at a line feed.
    if (cut < 0 !== (i === expected - 1)) return null;
    if (seqInBytes(texts, start, end) !== low + i) return null;
    if (scratch.length < 64 + end - start) {
      const larger = Buffer.alloc(2 * (64 + end - start));
      scratch.copy(larger, 0, 0, 64);
      scratch = larger;
    }
    texts.copy(scratch, 64, start, end);
    const digest = hash('sha256', scratch.subarray(0, 64 + end - start), 'hex');
    if (digest !== hashes.toString('latin1', i * 64, i * 64 + 64)) return null;
    hashes.copy(scratch, 0, i * 64, i * 64 + 64);
    start = end + 1;
  }
  return hashes.toString('latin1', (expected - 1) * 64, expected * 64);
}

/**
 * The seq written in a canonical event text ({..."seq":N,"userId":…}), as text. A stored text
 * is bound to its place in the chain by it: the row's own seq (its rowid) must be the same.
 */
export function seqInText(text: string): string {
  const at = text.lastIndexOf(',"seq":');
  if (at < 0) return '';
  const end = text.indexOf(',', at + 7);
  return end < 0 ? '' : text.slice(at + 7, end);
}
