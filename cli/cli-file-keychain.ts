// The command line's "keychain" for a computer opened for signing (issue 13, part 3;
// docs/security.md): kpdesk runs under plain Node, without Electron's safeStorage, so on this
// computer the key that opens the signing keys is kept in a file of the user's configuration
// folder (~/.config/kpdesk/signing-keychain.key, or under $XDG_CONFIG_HOME), 0600 in a 0700
// folder: outside the vault's folder and never in a backup, as an SSH key is. A copied vault or a
// restored backup on another computer has no such file, so it opens the records and cannot sign.
// Weaker than the OS keychain (any program of this account reads the file): an administrator
// chooses to open a computer this way, and closes it with `kpdesk identity close-workstation`.
// Its backend name differs from the app's, so the app and the CLI each open only their own wrap.
import { randomBytes, createCipheriv, createDecipheriv } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { OsKeychain } from '../electron/core/vault/keys/os-keychain';

export const CLI_KEYCHAIN_BACKEND = 'kpdesk-cli-file';

export function cliKeychainPath(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const base = env.XDG_CONFIG_HOME ?? join(env.HOME ?? homedir(), '.config');
  return join(base, 'kpdesk', 'signing-keychain.key');
}

export function cliFileKeychain(path: string = cliKeychainPath()): OsKeychain {
  const masterKey = (create: boolean): Buffer => {
    if (!existsSync(path)) {
      if (!create) throw new Error('no keychain file on this computer');
      mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
      writeFileSync(path, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    const key = readFileSync(path);
    if (key.length !== 32) throw new Error('the keychain file is damaged');
    return key;
  };
  return {
    backend: () => CLI_KEYCHAIN_BACKEND,
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
