// The two tables the audit events live in since migration 0260: audit_events_legacy (the old
// nine-column rows, written before the upgrade) and audit_events_compact (new events: the hashed
// text as written and the hash as 32 bytes). Readers that page through a few events read the
// view `audit_events`; the reads that run on every write or over the whole chain come here and
// seek each table on its own key, because SQLite cannot answer "the last row" or "min and max"
// of a UNION ALL view without reading all of it.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export type StoredHead = { seq: number; hash: string; at: string };

/** The event with the highest seq in either table, its hash as lower-case hex. */
export function lastStoredEvent(db: Database): () => StoredHead | undefined {
  const compact = db.prepare<[], StoredHead>(
    'SELECT seq, lower(hex(hash)) AS hash, at FROM audit_events_compact ORDER BY seq DESC LIMIT 1',
  );
  const legacy = db.prepare<[], StoredHead>(
    'SELECT seq, hash, at FROM audit_events_legacy ORDER BY seq DESC LIMIT 1',
  );
  return () => {
    const a = compact.get();
    const b = legacy.get();
    if (a === undefined) return b;
    return b === undefined || a.seq > b.seq ? a : b;
  };
}

/** The stored hash (hex) of the event with this seq, in whichever table holds it. */
export function storedHashReader(db: Database): (seq: number) => string | undefined {
  const compact = db
    .prepare<[number], string>('SELECT lower(hex(hash)) FROM audit_events_compact WHERE seq = ?')
    .pluck();
  const legacy = db
    .prepare<[number], string>('SELECT hash FROM audit_events_legacy WHERE seq = ?')
    .pluck();
  return (seq) => compact.get(seq) ?? legacy.get(seq);
}

/** The lowest and highest seq over both tables, or null when there is no event. */
export function storedBounds(db: Database): { low: number; high: number } | null {
  // Each subquery is one seek on a rowid; min and max together would scan.
  const row = db
    .prepare<[], { low: number | null; high: number | null }>(
      `WITH l AS (SELECT (SELECT min(seq) FROM audit_events_legacy) AS low,
                         (SELECT max(seq) FROM audit_events_legacy) AS high),
            c AS (SELECT (SELECT min(seq) FROM audit_events_compact) AS low,
                         (SELECT max(seq) FROM audit_events_compact) AS high)
       -- Multi-argument min and max give NULL if any argument is NULL: an empty table.
       SELECT min(coalesce(l.low, c.low), coalesce(c.low, l.low)) AS low,
              max(coalesce(l.high, c.high), coalesce(c.high, l.high)) AS high FROM l, c`,
    )
    .get();
  return row?.low == null || row.high == null ? null : { low: row.low, high: row.high };
}
