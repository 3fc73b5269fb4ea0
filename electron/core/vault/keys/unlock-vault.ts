// Opens an existing vault with one of its secrets. The key file is only read; a wrong secret fails
// at the GCM tag before the database is touched, so it changes no file.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { AppFailure } from '../../app-failure';
import { openDatabase } from '../open-database';
import { rmSync } from 'node:fs';
import type { KeyFile } from './key-file';
import { readKeyFile, writeKeyFile } from './key-file';
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

/** Where a rekey keeps the new key file until it is recorded (rekey-vault.ts). */
export function pendingRekeyPath(keyFilePath: string): string {
  return `${keyFilePath}.rekey-pending`;
}

/**
 * A rekey interrupted after the database took its new key and before the key file was swapped
 * leaves the new key file pending: when the key file's key no longer opens the database, the
 * pending one is tried with the same secret, and on success put in place.
 */
async function openAfterInterruptedRekey(
  dir: string,
  secret: VaultSecret,
): Promise<{ db: Database; key: Buffer } | undefined> {
  const { vaultPath, keyFilePath } = vaultLocation(dir);
  const pendingPath = pendingRekeyPath(keyFilePath);
  if (!existsSync(pendingPath)) return undefined;
  const pending = readKeyFile(pendingPath);
  const key = await unlockKey(pending, secret);
  try {
    const db = openDatabase(vaultPath, key, { create: false });
    writeKeyFile(keyFilePath, pending);
    rmSync(pendingPath, { force: true });
    return { db, key };
  } catch (error: unknown) {
    key.fill(0);
    throw error;
  }
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
    if (error instanceof AppFailure && error.error.code === 'VAULT_KEY_INVALID') {
      const resumed = await openAfterInterruptedRekey(options.dir, options.secret);
      if (resumed !== undefined) return resumed;
    }
    throw error;
  }
}
