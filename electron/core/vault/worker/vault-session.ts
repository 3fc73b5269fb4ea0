// The service the vault worker serves today: open or create an encrypted vault, read and write
// settings, back it up and restore it. The record services (repositories, issuance) join it as
// they land; callers reach it through Rpc<VaultSession> in-process (CLI) or via the worker.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../../app-failure';
import type { BackupProgress } from '../backup/backup-format';
import { createBackup } from '../backup/create-backup';
import type { BackupSummary } from '../backup/create-backup';
import { restoreBackup } from '../backup/restore-backup';
import type { RestoreSummary } from '../backup/restore-backup';
import { openDatabase } from '../open-database';
import { schemaVersion } from '../run-migrations';

export type VaultEvent = { kind: 'progress'; operation: 'backup' | 'restore' } & BackupProgress;

/** The key crosses the worker boundary as hex; it is checked here and never echoed back. */
function keyFromHex(keyHex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(keyHex))
    throw new AppFailure('VAULT_KEY_INVALID', 'The vault key must be 32 bytes (64 hex digits).');
  return Buffer.from(keyHex, 'hex');
}

export function createVaultSession(emit: (event: VaultEvent) => void = () => undefined) {
  let db: Database | undefined;

  function opened(): Database {
    if (db === undefined)
      throw new AppFailure('VAULT_LOCKED', 'The vault is locked. Unlock it and try again.');
    return db;
  }

  return {
    open(path: string, keyHex: string, create = false): { schemaVersion: number } {
      if (db !== undefined) throw new AppFailure('CONFLICT', 'A vault is already open.');
      db = openDatabase(path, keyFromHex(keyHex), { create });
      return { schemaVersion: schemaVersion(db) };
    },

    /** Closes the database; the vault stays locked until the next open(). */
    lock(): void {
      db?.close();
      db = undefined;
    },

    settings: {
      get(key: string): unknown {
        const row = opened().prepare('SELECT value_json FROM settings WHERE key = ?').get(key) as
          { value_json: string } | undefined;
        return row === undefined ? null : (JSON.parse(row.value_json) as unknown);
      },

      put(key: string, value: unknown): void {
        opened()
          .prepare(
            'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json',
          )
          .run(key, JSON.stringify(value));
      },
    },

    backup(backupPath: string, keyFilePath?: string): Promise<BackupSummary> {
      return createBackup(opened(), {
        backupPath,
        ...(keyFilePath === undefined ? {} : { keyFilePath }),
        onProgress: (progress) => {
          emit({ kind: 'progress', operation: 'backup', ...progress });
        },
      });
    },

    /** Restoring replaces the vault file, so the vault is closed first and stays closed. */
    restore(
      backupPath: string,
      vaultPath: string,
      keyHex: string,
      keyFilePath?: string,
    ): Promise<RestoreSummary> {
      const key = keyFromHex(keyHex);
      db?.close();
      db = undefined;
      return restoreBackup({
        backupPath,
        vaultPath,
        key,
        ...(keyFilePath === undefined ? {} : { keyFilePath }),
        onProgress: (progress) => {
          emit({ kind: 'progress', operation: 'restore', ...progress });
        },
      });
    },
  };
}

export type VaultSession = ReturnType<typeof createVaultSession>;
