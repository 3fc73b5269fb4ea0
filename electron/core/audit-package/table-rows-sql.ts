// The SELECT that reads one audited table's rows for records/<table>.json (export-audit-package
// .ts). Table and key names come from entity-digest.ts, never from input. A document's bytes
// are not read here but once, for its own entry (the row keeps a reference to it): its
// metadata is answered by the covering index attachments_metadata (migration 0285), so the
// signed PDF's overflow pages are not decrypted a second time to reach created_at.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function tableRowsSql(db: Database, table: string, key: string): string {
  if (table !== 'attachments') return `SELECT * FROM ${table} ORDER BY ${key}`;
  const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
    .map((c) => c.name)
    .filter((name) => name !== 'content');
  return `SELECT ${columns.join(', ')}, NULL AS content FROM ${table} ORDER BY ${key}`;
}
