// Opens an existing vault with one of its secrets. The key file is only read; a wrong secret fails
// at the GCM tag before the database is touched, so it changes no file.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { AppFailure } from '../../app-failure';
import { openDatabase } from '../open-database';
import type { KeyFile } from './key-file';
import { readKeyFile } from './key-file';
import type { OsKeychain } from './os-keychain';
import { unlockWithKeychain, unlockWithPassphrase, unlockWithRecoveryKey } from './vault-keys';
import { vaultLocation } from './vault-location';

export type VaultSecret =
  { passphrase: string } | { recoveryKey: string } | { keychain: OsKeychain };

export function unlockKey(keyFile: KeyFile, secret: VaultSecret): Promise<Buffer> {
  if ('passphrase' in secret) return unlockWithPassphrase(keyFile, secret.passphrase);
  if ('recoveryKey' in secret) return unlockWithRecoveryKey(keyFile, secret.recoveryKey);
  return unlockWithKeychain(keyFile, secret.keychain);
}

/** The key file of the vault in `dir`, after checking that the vault itself is there. */
export function readVaultKeyFile(dir: string): KeyFile {
  const { vaultPath, keyFilePath } = vaultLocation(dir);
  if (!existsSync(vaultPath))
    throw new AppFailure('VAULT_NOT_FOUND', `No vault was found in ${dir}.`);
  return readKeyFile(keyFilePath);
}

export async function unlockVault(options: {
  dir: string;
  secret: VaultSecret;
}): Promise<Database> {
  const { db, key } = await unlockVaultAndKey(options);
  key.fill(0);
  return db;
}

/** The database and its key, for a reader on another thread (the audit verification's helper);
 * the caller zeroes the key when done. */
export async function unlockVaultAndKey(options: {
  dir: string;
  secret: VaultSecret;
}): Promise<{ db: Database; key: Buffer }> {
  const keyFile = readVaultKeyFile(options.dir);
  const key = await unlockKey(keyFile, options.secret);
  try {
    return { db: openDatabase(vaultLocation(options.dir).vaultPath, key, { create: false }), key };
  } catch (error: unknown) {
    key.fill(0);
    throw error;
  }
}
