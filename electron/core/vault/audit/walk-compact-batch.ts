// The fast path of the chain walk over compact events (migration 0260): a batch of consecutive
// events read as two strings, their stored texts joined by line feeds and their hashes in hex,
// and each hash recomputed over the previous hash and the stored text as it is, with no JSON
// built. A canonical text never holds a raw line feed (JSON.stringify escapes every control
// character), so the texts cut in exactly one way; a text with one (or any other oddity) makes
// the batch fail here, and the exact path of walk-audit-chain.ts then walks it row by row and is
// alone in deciding and reporting a break.
import { hash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

type CompactBatch = { n: number; texts: string | null; hashes: string | null };

// Rows come in rowid (= seq) order of the range scan; no ORDER BY, which would sort each batch
// again. Should they ever come otherwise, the seq check below fails and the exact path decides.
const COMPACT_BATCH_SQL = `SELECT count(*) AS n, group_concat(body, char(10)) AS texts,
    group_concat(hex(hash), '') AS hashes
  FROM audit_events_compact WHERE seq BETWEEN ? AND ?`;

export type CompactBatchReader = (low: number, high: number) => CompactBatch;

export function compactBatchReader(db: Database): CompactBatchReader {
  const statement: Statement<[number, number], CompactBatch> = db.prepare(COMPACT_BATCH_SQL);
  return (low, high) => statement.get(low, high) as CompactBatch;
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
  if (batch.n !== expected || batch.texts === null || batch.hashes === null) return null;
  if (batch.hashes.length !== expected * 64) return null;
  const rows = batch.texts.split('\n');
  if (rows.length !== expected) return null;
  const hashes = batch.hashes.toLowerCase();
  let previous = prevHash;
  for (let i = 0; i < expected; i += 1) {
    const text = rows[i] ?? '';
    if (seqInText(text) !== String(low + i)) return null;
    const stored = hashes.slice(i * 64, i * 64 + 64);
    if (hash('sha256', previous + text, 'hex') !== stored) return null;
    previous = stored;
  }
  return previous;
}
