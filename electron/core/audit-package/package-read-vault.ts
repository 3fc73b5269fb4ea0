// The package's records as a vault the existing code can read (the document verifier, the full
// review): a temporary SQLCipher database under a random key that exists only in this process,
// in a private folder, at the package's schema (then brought to this app's, as any vault is),
// filled with the package's rows and documents, and then made query-only (PRAGMA query_only),
// so nothing can be written to it; closing it deletes it. Withheld secrets are stood in for by
// values that cannot be used (an empty key, a password hash that matches no password). The
// documents come one at a time from a second decrypting pass over the package file, each written
// once, straight into its attachment row, never all in memory. A temporary copy needs no
// durability: no journal on disk and no fsync while it is filled (a crash loses nothing: the
// package file is still there), which halves what is written.
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { AppFailure } from '../app-failure';
import { migrations } from '../vault/migrations/index';
import { openDatabase } from '../vault/open-database';
import { runMigrations } from '../vault/run-migrations';
import type { PackageEvent } from './check-package-chain';
import type { JsonCell, JsonRow } from './package-tables';
import { packageTables } from './package-tables';
import type { PackageWorkspace } from './package-workspace';

export type PackageReadVault = { db: Database; close: () => void };

const WITHHELD_TEXT = 'withheld from the audit package';

/** Hands every document of the package to `put` (documents/<id>.pdf and its bytes), in the
 * archive's order; throws if the package cannot be read again as it was verified. */
export type PackageDocuments = (put: (entry: string, content: Buffer) => void) => void;

function cellValue(cell: JsonCell, declared: string, document: Buffer | undefined) {
  if (cell === null || typeof cell !== 'object') return cell;
  if ('$base64' in cell) return Buffer.from(cell.$base64, 'base64');
  if ('$entry' in cell) return document ?? Buffer.alloc(0);
  return declared === 'BLOB' ? Buffer.alloc(0) : declared === 'INTEGER' ? 0 : WITHHELD_TEXT;
}

/** The entry a row's document is in ($entry), if any. */
function entryOf(row: JsonRow): string | undefined {
  for (const cell of Object.values(row))
    if (cell !== null && typeof cell === 'object' && '$entry' in cell) return cell.$entry;
  return undefined;
}

/** Builds the vault in the workspace's folder under its key; close() removes the workspace. */
export function createPackageReadVault(
  workspace: PackageWorkspace,
  schemaVersion: number,
  tables: ReadonlyMap<string, readonly JsonRow[]>,
  documents: PackageDocuments,
  events: readonly PackageEvent[],
): PackageReadVault {
  if (!migrations.some((m) => m.version === schemaVersion))
    throw new AppFailure(
      'AUDIT_PACKAGE_INVALID',
      `The package was written at schema ${String(schemaVersion)}, which this version of KP Desk does not know (it was made by a newer KP Desk). Update KP Desk to open it.`,
      { check: 'format' },
    );
  let db: Database | undefined;
  try {
    db = openDatabase(join(workspace.dir, 'package.kpdb'), workspace.key, {
      create: true,
      migrate: false,
    });
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    runMigrations(db, migrations, schemaVersion);
    db.pragma('foreign_keys = OFF');
    const open = db;
    open.transaction(() => {
      // Rows whose document is still to come from the second pass, by the document's entry.
      const waiting = new Map<string, ((document?: Buffer) => void)[]>();
      for (const { table } of packageTables) {
        const rows = tables.get(table) ?? [];
        if (rows.length === 0) continue;
        const declared = new Map(
          (
            open.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string }[]
          ).map((c) => [c.name, c.type.toUpperCase()]),
        );
        const statements = new Map<string, Statement>();
        for (const row of rows) {
          const columns = Object.keys(row);
          const unknown = columns.find((column) => !declared.has(column));
          if (unknown !== undefined)
            throw new AppFailure(
              'AUDIT_PACKAGE_INVALID',
              `The package's ${table} rows have a column "${unknown}" that its schema does not have.`,
              { check: 'records' },
            );
          const shape = columns.join(',');
          let insert = statements.get(shape);
          if (insert === undefined) {
            // Column names were just checked against the table's own.
            insert = open.prepare(
              `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
            );
            statements.set(shape, insert);
          }
          const statement = insert;
          const write = (document?: Buffer): void => {
            statement.run(
              ...columns.map((c) => cellValue(row[c] ?? null, declared.get(c) ?? 'TEXT', document)),
            );
          };
          const entry = entryOf(row);
          if (entry === undefined) write();
          else waiting.set(entry, [...(waiting.get(entry) ?? []), write]);
        }
      }
      documents((entry, content) => {
        for (const write of waiting.get(entry) ?? []) write(content);
        waiting.delete(entry);
      });
      // A row whose document never came (the chain check refused such a package before).
      for (const writes of waiting.values()) for (const write of writes) write();
      const insertEvent = open.prepare(
        `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const e of events)
        insertEvent.run(
          e.seq,
          e.at,
          e.userId,
          e.action,
          e.entityType,
          e.entityId,
          e.entityDigest,
          e.prevHash,
          e.hash,
        );
    })();
    db.pragma('foreign_keys = ON');
    // The rest of this app's migrations, as for any older vault (they may add rows or events to
    // this copy only; the package's own chain was checked before, from its events).
    runMigrations(db, migrations);
    db.pragma('query_only = ON');
  } catch (error: unknown) {
    db?.close();
    throw error;
  }
  const opened = db;
  // The connection holds what it needs; the key itself is not kept longer than the build.
  workspace.key.fill(0);
  return {
    db: opened,
    close: () => {
      if (opened.open) opened.close();
      workspace.remove();
    },
  };
}
