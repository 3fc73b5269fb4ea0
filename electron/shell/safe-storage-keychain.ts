// The OS keychain for the vault key (electron/core/vault/keys/os-keychain.ts), through Electron's
// safeStorage: macOS Keychain, Windows DPAPI, or on Linux the secret service / KWallet. Which of
// those counts as strong is decided by the pure keychain-policy.ts: Linux's basic_text and the
// pre-`ready` 'unknown' are refused even when safeStorage says encryption is available.
// Only the async calls are used: the sync ones are deprecated in Electron 45, and a keychain may
// block on a prompt to the user. Call after app `ready`.
import { safeStorage } from 'electron';
import { isStrongKeychain, keychainBackendName } from '../core/vault/keys/keychain-policy';
import type { OsKeychain } from '../core/vault/keys/os-keychain';

export function createSafeStorageKeychain(platform: string = process.platform): OsKeychain {
  const backend = (): string =>
    keychainBackendName(
      platform,
      platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
    );
  return {
    backend,
    async isStrong() {
      const encryptionAvailable = await safeStorage.isAsyncEncryptionAvailable();
      return isStrongKeychain({ platform, backend: backend(), encryptionAvailable });
    },
    // safeStorage seals strings; the (random, non-secret-format) bytes travel as base64.
    async encrypt(plain) {
      return safeStorage.encryptStringAsync(plain.toString('base64'));
    },
    async decrypt(data) {
      const { result } = await safeStorage.decryptStringAsync(data);
      return Buffer.from(result, 'base64');
    },
  };
}
