// A real file-based keychain for the tests (a stand-in for the operating system's keychain, not
// for any part of KP Desk): each "computer" is a folder holding its own random master key
// (0600), and encrypt/decrypt really seal with it (AES-256-GCM). Two folders are two computers:
// what one sealed, the other cannot open, as with two login keychains.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OsKeychain } from '../../electron/core/vault/keys/os-keychain';

export function fileKeychain(folder: string, backend = 'gnome_libsecret'): OsKeychain {
  const keyPath = join(folder, 'keychain.key');
  const masterKey = (): Buffer => {
    if (!existsSync(keyPath)) {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeFileSync(keyPath, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    return readFileSync(keyPath);
  };
  return {
    backend: () => backend,
    isStrong: () => Promise.resolve(true),
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey(), iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt(data) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', masterKey(), data.subarray(0, 12));
        decipher.setAuthTag(data.subarray(12, 28));
        return Promise.resolve(
          Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]),
        );
      } catch (error: unknown) {
        return Promise.reject(error instanceof Error ? error : new Error('keychain refused'));
      }
    },
  };
}
