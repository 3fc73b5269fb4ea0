// The vault's keys as pure operations on a key file (no I/O here: key-file.ts reads and writes).
// The database key is 32 random bytes, wrapped under the passphrase, under the recovery key shown
// once, and, when the OS keychain is strong, under the keychain. Changing the passphrase or the
// recovery key rewraps the same key, so the database is never re-encrypted.
import { randomBytes, randomUUID } from 'node:crypto';
import { AppFailure } from '../../app-failure';
import type { KeyFile, SecretWrap, Wrap } from './key-file';
import { KEY_FILE_FORMAT } from './key-file';
import { unwrapWithKeychain, wrapWithKeychain } from './keychain-wrap';
import type { OsKeychain } from './os-keychain';
import type { KdfCost } from './passphrase-wrap';
import { checkPassphrase, unwrapKey, wrapKey } from './passphrase-wrap';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';

export const DATABASE_KEY_BYTES = 32;

export type CreatedKeys = { key: Buffer; recoveryKey: string; keyFile: KeyFile };

function wrapOf<K extends Wrap['kind']>(
  keyFile: KeyFile,
  kind: K,
): Extract<Wrap, { kind: K }> | undefined {
  return keyFile.wraps.find((w): w is Extract<Wrap, { kind: K }> => w.kind === kind);
}

function withWrap(keyFile: KeyFile, wrap: Wrap): KeyFile {
  return { ...keyFile, wraps: [...keyFile.wraps.filter((w) => w.kind !== wrap.kind), wrap] };
}

function requireSecretWrap(keyFile: KeyFile, kind: SecretWrap['kind']): SecretWrap {
  const wrap = wrapOf(keyFile, kind);
  if (wrap === undefined)
    throw new AppFailure(
      'VAULT_CORRUPT',
      `The vault's key file has no ${kind === 'passphrase' ? 'passphrase' : 'recovery key'} entry. Restore it from a backup.`,
    );
  return wrap;
}

export async function createVaultKeys(options: {
  passphrase: string;
  keychain?: OsKeychain;
  kdf?: KdfCost;
}): Promise<CreatedKeys> {
  checkPassphrase(options.passphrase);
  const key = randomBytes(DATABASE_KEY_BYTES);
  const vaultId = randomUUID();
  const recoveryKey = generateRecoveryKey();
  const target = { vaultId, kdf: options.kdf };
  const wraps: Wrap[] = [
    await wrapKey(key, options.passphrase, { ...target, kind: 'passphrase' }),
    await wrapKey(key, parseRecoveryKey(recoveryKey), { ...target, kind: 'recovery' }),
  ];
  // A weak keychain (Linux basic_text) is simply not used: the passphrase still opens the vault.
  if (options.keychain !== undefined && (await options.keychain.isStrong()))
    wraps.push(await wrapWithKeychain(key, options.keychain, vaultId));
  const keyFile: KeyFile = {
    format: KEY_FILE_FORMAT,
    vaultId,
    createdAt: new Date().toISOString(),
    wraps,
  };
  return { key, recoveryKey, keyFile };
}

export function unlockWithPassphrase(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
  return unwrapKey(requireSecretWrap(keyFile, 'passphrase'), passphrase, keyFile.vaultId);
}

export function unlockWithRecoveryKey(keyFile: KeyFile, recoveryKey: string): Promise<Buffer> {
  // Parsing first: a mistyped key is reported as such, without the scrypt work.
  const secret = parseRecoveryKey(recoveryKey);
  return unwrapKey(requireSecretWrap(keyFile, 'recovery'), secret, keyFile.vaultId);
}

export function unlockWithKeychain(keyFile: KeyFile, keychain: OsKeychain): Promise<Buffer> {
  const wrap = wrapOf(keyFile, 'keychain');
  if (wrap === undefined)
    return Promise.reject(
      new AppFailure(
        'KEY_UNAVAILABLE',
        "This vault's key is not stored in the system keychain. Unlock with your passphrase.",
      ),
    );
  return unwrapWithKeychain(wrap, keychain, keyFile.vaultId);
}

/**
 * Rewraps the key under a new passphrase; the other wraps and the database stay as they are.
 * `currentKey` must come from unlocking this key file (the caller has proved the old secret).
 */
export async function changePassphrase(
  keyFile: KeyFile,
  currentKey: Buffer,
  newPassphrase: string,
  kdf?: KdfCost,
): Promise<KeyFile> {
  checkPassphrase(newPassphrase, 'newPassphrase');
  requireSecretWrap(keyFile, 'passphrase');
  // The new wrap takes the current default cost (unless a test passes one), never the old one.
  const wrap = await wrapKey(currentKey, newPassphrase, {
    vaultId: keyFile.vaultId,
    kind: 'passphrase',
    kdf,
  });
  return withWrap(keyFile, wrap);
}

/**
 * A new recovery key, and the key file with the recovery wrap replaced by one under it: the old
 * recovery key opens nothing any more, the passphrase and keychain wraps stay, and the database
 * key is the same (no re-encryption). `currentKey` must come from unlocking this key file.
 */
export async function replaceRecoveryKey(
  keyFile: KeyFile,
  currentKey: Buffer,
  kdf?: KdfCost,
): Promise<{ keyFile: KeyFile; recoveryKey: string }> {
  requireSecretWrap(keyFile, 'recovery');
  const recoveryKey = generateRecoveryKey();
  const wrap = await wrapKey(currentKey, parseRecoveryKey(recoveryKey), {
    vaultId: keyFile.vaultId,
    kind: 'recovery',
    kdf,
  });
  return { keyFile: withWrap(keyFile, wrap), recoveryKey };
}

/** Adds (or replaces) the keychain wrap; KEY_UNAVAILABLE when the keychain is weak. */
export async function addKeychainWrap(
  keyFile: KeyFile,
  key: Buffer,
  keychain: OsKeychain,
): Promise<KeyFile> {
  return withWrap(keyFile, await wrapWithKeychain(key, keychain, keyFile.vaultId));
}

export function removeKeychainWrap(keyFile: KeyFile): KeyFile {
  return { ...keyFile, wraps: keyFile.wraps.filter((w) => w.kind !== 'keychain') };
}
