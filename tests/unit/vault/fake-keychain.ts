// An in-memory stand-in for the OS keychain (a fake of the operating system, not of our core):
// it really encrypts, under a secret only this instance holds, like a login keychain.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { OsKeychain } from '../../../electron/core/vault/keys/os-keychain';

export type FakeKeychain = OsKeychain & {
  setBackend(name: string): void;
  setStrong(s: boolean): void;
};

export function fakeKeychain(options: { backend?: string; strong?: boolean } = {}): FakeKeychain {
  const secret = randomBytes(32);
  let backend = options.backend ?? 'gnome_libsecret';
  let strong = options.strong ?? true;
  return {
    backend: () => backend,
    isStrong: () => Promise.resolve(strong),
    setBackend: (name) => (backend = name),
    setStrong: (value) => (strong = value),
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', secret, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Promise.resolve(Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]));
    },
  };
}
