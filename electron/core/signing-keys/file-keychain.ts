// A keychain kept in one file (issue 13, part 3; docs/security.md), for the runtimes without
// Electron's safeStorage: the command line (cli/cli-file-keychain.ts) and the preview host. The
// file holds a random 32-byte master key, 0600 in a 0700 folder outside the vault's folder, so a
// copied vault or a restored backup elsewhere has no such file: it opens the records, never signs.
// Weaker than the OS keychain (any program of the account reads the file); refused as not strong
// when others can read it, as Linux basic_text is for the app.
import { randomBytes, createCipheriv, createDecipheriv } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OsKeychain } from '../vault/keys/os-keychain';

/** `backend` names the wrap's keychain: each runtime opens only the wraps its own backend made. */
export function fileKeychain(path: string, backend: string): OsKeychain {
  const masterKey = (create: boolean): Buffer => {
    if (!existsSync(path)) {
      if (!create) throw new Error('no keychain file on this computer');
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    const key = readFileSync(path);
    if (key.length !== 32) throw new Error('the keychain file is damaged');
    return key;
  };
  return {
    backend: () => backend,
    // A file others can read protects nothing: refused, as Linux basic_text is for the app.
    isStrong: () => {
      if (process.platform === 'win32' || !existsSync(path)) return Promise.resolve(true);
      const info = statSync(path);
      const own = typeof process.getuid !== 'function' || info.uid === process.getuid();
      return Promise.resolve(own && (info.mode & 0o077) === 0);
    },
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey(true), iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt(data) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', masterKey(false), data.subarray(0, 12));
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
