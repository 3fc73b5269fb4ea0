// First run: a new vault in a data directory. The key file is written first (refusing to replace
// one), then the encrypted database; if creating the database fails, what this call created is
// removed again, so a failed first run leaves nothing behind that a second attempt would trip over.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { lstatSync, mkdirSync, rmSync } from 'node:fs';
import { AppFailure } from '../../app-failure';
import { openDatabase } from '../open-database';
import { createKeyFile } from './key-file';
import type { OsKeychain } from './os-keychain';
import type { KdfCost } from './passphrase-wrap';
import { createVaultKeys } from './vault-keys';
import { vaultLocation, vaultSideFiles } from './vault-location';

export type CreatedVault = {
  db: Database;
  /** Shown to the user once, to be written down and confirmed; it is stored nowhere. */
  recoveryKey: string;
  /** Whether the OS keychain now also holds the key (false when absent or weak). */
  keychainWrapped: boolean;
  /** A copy of the database key, for a caller that signs backups with it; the caller zeroes it. */
  key: Buffer;
};

// lstat, not existsSync: a dangling link counts as occupied. A stale -wal beside a new database
// would be replayed into it by SQLite, so the side files count too.
function occupied(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

function removeFileIfAny(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Not a plain file (e.g. a directory someone else made meanwhile): not ours to remove.
  }
}

export async function createVault(options: {
  dir: string;
  passphrase: string;
  keychain?: OsKeychain;
  kdf?: KdfCost;
}): Promise<CreatedVault> {
  const { vaultPath, keyFilePath } = vaultLocation(options.dir);
  if ([vaultPath, keyFilePath, ...vaultSideFiles(vaultPath)].some(occupied))
    throw new AppFailure(
      'VAULT_EXISTS',
      `A vault already exists in ${options.dir}; it was not overwritten.`,
    );
  const created = await createVaultKeys(options);
  try {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    createKeyFile(keyFilePath, created.keyFile);
    let db: Database;
    try {
      db = openDatabase(vaultPath, created.key, { create: true });
    } catch (error: unknown) {
      // The key file is ours (createKeyFile never replaces one). The database is ours unless
      // openDatabase found one already there (a race with another process): then it stays.
      const raced = error instanceof AppFailure && error.error.code === 'VAULT_EXISTS';
      if (!raced)
        for (const path of [vaultPath, ...vaultSideFiles(vaultPath)]) removeFileIfAny(path);
      removeFileIfAny(keyFilePath);
      throw error;
    }
    return {
      db,
      key: Buffer.from(created.key),
      recoveryKey: created.recoveryKey,
      keychainWrapped: created.keyFile.wraps.some((w) => w.kind === 'keychain'),
    };
  } finally {
    created.key.fill(0);
  }
}
