// Opens (or creates) the vault file with whole-file SQLCipher encryption under a raw 32-byte key
// (never a passphrase: keys are wrapped by the key providers, see keys/). The key is passed as a
// hex literal in PRAGMA key and goes nowhere else: no log, no error message.
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers';
import { chmodSync, existsSync } from 'node:fs';
import { AppFailure } from '../app-failure';
import { KEY_BYTES, applyKey } from './apply-vault-key';
import { beginImmediateByDefault } from './immediate-transactions';
import { migrations } from './migrations/index';
import { runMigrations } from './run-migrations';

export { KEY_BYTES };

export type OpenOptions = { create: boolean; migrate?: boolean };

export function openDatabase(path: string, key: Buffer, options: OpenOptions): SqliteDatabase {
  const exists = existsSync(path);
  if (!exists && !options.create)
    throw new AppFailure('VAULT_NOT_FOUND', `No vault was found at ${path}.`);
  if (exists && options.create)
    throw new AppFailure(
      'VAULT_EXISTS',
      `A vault already exists at ${path}; it was not overwritten.`,
    );
  const db = new Database(path, { fileMustExist: !options.create });
  // Owner-only, like the key file: the vault is encrypted, but nobody else needs to read it.
  // (SQLite gives its -wal and -shm files the same mode.)
  if (options.create && process.platform !== 'win32') chmodSync(path, 0o600);
  try {
    applyKey(db, key);
    // The first read proves the key: SQLCipher reports a wrong key as "not a database".
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error: unknown) {
    db.close();
    if (error instanceof AppFailure) throw error;
    throw new AppFailure(
      'VAULT_KEY_INVALID',
      'The vault could not be opened with this key. Check the passphrase or recovery key; nothing was changed.',
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a committed certificate survives a power cut, not only a crash of the app.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Writers wait for each other on busy_timeout instead of failing halfway (the app and the CLI).
    beginImmediateByDefault(db);
    if (options.migrate !== false) runMigrations(db, migrations);
  } catch (error: unknown) {
    db.close();
    throw error;
  }
  return db;
}
