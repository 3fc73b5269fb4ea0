// The keychain wrap: a random wrapping key sealed by the OS keychain, and the database key sealed
// under that wrapping key (aead.ts), so the vault id and kind stay bound by the AAD and the
// database key itself is never handed to the OS. Refused unless the keychain is strong and is the
// same backend that sealed it (style-lessons §12: report a changed backend, never fall back).
import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../app-failure';
import { open, seal } from './aead';
import type { KeychainWrap } from './key-file';
import type { OsKeychain } from './os-keychain';

const USE_PASSPHRASE = 'Unlock with your passphrase (or recovery key) instead.';

async function requireStrong(keychain: OsKeychain): Promise<void> {
  if (!(await keychain.isStrong()))
    throw new AppFailure(
      'KEY_UNAVAILABLE',
      `This computer's keychain (${keychain.backend()}) cannot keep the vault key safe. ${USE_PASSPHRASE}`,
    );
}

export async function wrapWithKeychain(
  key: Buffer,
  keychain: OsKeychain,
  vaultId: string,
): Promise<KeychainWrap> {
  await requireStrong(keychain);
  const wrappingKey = randomBytes(32);
  try {
    const sealedKey = await keychain.encrypt(wrappingKey);
    return {
      kind: 'keychain',
      ...seal(wrappingKey, key, vaultId, 'keychain'),
      backend: keychain.backend(),
      sealedKey: sealedKey.toString('base64'),
    };
  } finally {
    wrappingKey.fill(0);
  }
}

export async function unwrapWithKeychain(
  wrap: KeychainWrap,
  keychain: OsKeychain,
  vaultId: string,
): Promise<Buffer> {
  const current = keychain.backend();
  if (current !== wrap.backend)
    throw new AppFailure(
      'KEY_UNAVAILABLE',
      `The vault key was stored in the ${wrap.backend} keychain, but this computer now uses ${current}. ${USE_PASSPHRASE}`,
    );
  await requireStrong(keychain);
  let wrappingKey: Buffer;
  try {
    wrappingKey = await keychain.decrypt(Buffer.from(wrap.sealedKey, 'base64'));
  } catch {
    throw new AppFailure(
      'KEY_UNAVAILABLE',
      `The system keychain did not release the vault key. ${USE_PASSPHRASE}`,
    );
  }
  try {
    const key = open(wrappingKey, wrap, vaultId, 'keychain');
    if (key === undefined)
      throw new AppFailure(
        'KEY_UNAVAILABLE',
        `The key held by the system keychain does not open this vault. ${USE_PASSPHRASE}`,
      );
    return key;
  } finally {
    wrappingKey.fill(0);
  }
}
