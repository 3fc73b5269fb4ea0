// The floor under the full audit verification: the time to just READ what it must read (every
// audit event, every certificate and stock row, the latest-event index), with no canonical text
// and no hashing. Every byte read from a SQLCipher vault is authenticated (HMAC-SHA512) and
// decrypted page by page, and that cost alone decides whether a verification goal is reachable:
// it is CPU time that two threads can at best halve.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export type ReadFloor = { cpuSeconds: number; parts: string[] };

/** sum(octet_length(column)) over every column: each value is read out of its page, and its
 * size is known without counting characters. */
function readAll(db: Database, table: string): string {
  const columns = db
    .prepare(`SELECT * FROM ${table} LIMIT 1`)
    .columns()
    .map((column) => `sum(octet_length("${column.name}"))`);
  return `SELECT ${columns.join(' + ')} FROM ${table}`;
}

const READS: readonly { name: string; sql: (db: Database) => string }[] = [
  // Since migration 0260 events are in two tables: every column of the old rows; of the compact
  // ones what the verification reads (seq, the stored text, the hash), not the generated columns.
  { name: 'audit events (old format)', sql: (db) => readAll(db, 'audit_events_legacy') },
  {
    name: 'audit events (compact)',
    sql: () =>
      'SELECT sum(seq) + sum(octet_length(body)) + sum(octet_length(hash)) FROM audit_events_compact',
  },
  { name: 'certificates', sql: (db) => readAll(db, 'certificates') },
  { name: 'stock', sql: (db) => readAll(db, 'stock') },
  {
    name: 'latest-event index',
    // total(), not sum(): sum over an empty table is NULL, and NULL + the other read let SQLite
    // skip it (a floor of 0.0 s for the index in a first run).
    sql: () => `SELECT (SELECT total(seq) + total(octet_length(entity_digest))
        FROM audit_events_legacy INDEXED BY audit_latest_by_entity WHERE entity_type > '')
      + (SELECT total(seq) + total(octet_length(entity_digest))
        FROM audit_events_compact INDEXED BY audit_compact_latest_by_entity WHERE entity_type > '')`,
  },
];

export function measureReadFloor(db: Database): ReadFloor {
  let cpu = 0;
  const parts: string[] = [];
  for (const read of READS) {
    const before = process.cpuUsage();
    db.prepare(read.sql(db)).pluck().get();
    const used = process.cpuUsage(before);
    const seconds = (used.user + used.system) / 1e6;
    cpu += seconds;
    parts.push(`${read.name} ${seconds.toFixed(1)} s`);
  }
  return { cpuSeconds: cpu, parts };
}
