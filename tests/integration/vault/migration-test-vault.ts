// The scaffold every data-moving migration's test shares (issue 3: migrate to the previous
// version, insert, migrate, check): a new encrypted vault per test, left unmigrated, the version
// just before the migration under test, and the run of the remaining migrations with every table
// dumped before and after. The test keeps what is its own: the rows it inserts and its checks.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Migration } from '../../../electron/core/vault/migrations/migration';
import { migrations } from '../../../electron/core/vault/migrations/index';
import { openDatabase } from '../../../electron/core/vault/open-database';
import { runMigrations } from '../../../electron/core/vault/run-migrations';
import { dumpTables } from './vault-fixture';

type Tables = Record<string, unknown[]>;

export type MigrationTestVault = {
  /** The vault of the running test: a new one for each test. */
  readonly db: Database;
  /** The version just before the migration under test. */
  readonly previous: number;
  /** Migrates the empty vault to `previous`, where the test inserts its rows. */
  migrateToPrevious: () => void;
  /** Runs the migrations left (up to `target`, else all): every table before and after. */
  migrate: (target?: number) => { before: Tables; after: Tables };
  /** User 1 (ada, administrator), stock book 1 and its form US12345, as that schema stores them. */
  insertUserAndForm: (status: 'available' | 'used' | 'voided') => void;
};

/** Call at the top of a migration test file: registers the vault's beforeEach and afterEach. */
export function migrationTestVault(migration: Migration): MigrationTestVault {
  const previous = migrations[migrations.indexOf(migration) - 1]?.version ?? 0;
  let dir = '';
  let current: Database | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `kp-migration-${String(migration.version)}-`));
    current = openDatabase(join(dir, 'vault.kpdb'), randomBytes(32), {
      create: true,
      migrate: false,
    });
  });
  afterEach(() => {
    if (current?.open === true) current.close();
    current = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  const db = (): Database => {
    if (current === undefined) throw new Error('The migration test vault exists only in a test.');
    return current;
  };
  return {
    get db() {
      return db();
    },
    previous,
    migrateToPrevious: () => {
      expect(runMigrations(db(), migrations, previous)).toBe(previous);
    },
    migrate: (target) => {
      const before = dumpTables(db());
      runMigrations(db(), migrations, target);
      return { before, after: dumpTables(db()) };
    },
    insertUserAndForm: (status) => {
      db()
        .prepare(
          `INSERT INTO users (id, username, display_name, role, password_hash, created_at)
           VALUES (1, 'ada', 'Ada Admin', 'administrator', 'scrypt$x', '2026-11-27T10:00:00Z')`,
        )
        .run();
      db()
        .prepare(
          "INSERT INTO stock_batches (id, description, registered_at, registered_by) VALUES (1, 'Book 1', '2026-11-27T10:00:00Z', 1)",
        )
        .run();
      db()
        .prepare(
          "INSERT INTO stock (number, digits, batch_id, status) VALUES ('US12345', 12345, 1, ?)",
        )
        .run(status);
    },
  };
}
