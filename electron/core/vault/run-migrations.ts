// Brings a vault's schema up to the app's version, one migration per transaction, recording the
// version in PRAGMA user_version. A vault from a newer KP Desk is refused untouched: an older app
// must never write to a schema it does not know.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../app-failure';
import type { Migration } from './migrations/migration';

export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function runMigrations(
  db: Database,
  migrations: readonly Migration[],
  target?: number,
): number {
  for (let i = 1; i < migrations.length; i += 1) {
    const previous = migrations[i - 1];
    const current = migrations[i];
    if (previous !== undefined && current !== undefined && current.version <= previous.version) {
      throw new Error(`migrations out of order: ${current.version} after ${previous.version}`);
    }
  }
  const latest = target ?? migrations.at(-1)?.version ?? 0;
  const found = schemaVersion(db);
  if (found > (migrations.at(-1)?.version ?? 0)) {
    throw new AppFailure(
      'VAULT_FROM_FUTURE',
      `This vault was written by a newer version of KP Desk (schema ${found}). Update KP Desk to open it; the vault was not changed.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= found || migration.version > latest) continue;
    db.transaction(() => {
      migration.up(db);
      // user_version takes no bound parameter; the value is an integer from our own list.
      db.pragma(`user_version = ${String(Math.trunc(migration.version))}`);
    })();
  }
  return schemaVersion(db);
}
