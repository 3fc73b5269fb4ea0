// The private place an audit package is opened in: a folder only this user can read, and a
// random SQLCipher key that exists only in this process (never written, never logged). The
// read-only vault is built there (package-read-vault.ts); `remove` deletes the folder and
// zeroes the key, whatever happened.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PackageWorkspace = {
  dir: string;
  /** The key of every database in `dir`; zeroed by remove(). */
  key: Buffer;
  remove: () => void;
};

export function createPackageWorkspace(): PackageWorkspace {
  // mkdtemp creates the folder with mode 0700: nobody else lists or reads it.
  const dir = mkdtempSync(join(tmpdir(), 'kpdesk-package-'));
  const key = randomBytes(32);
  return {
    dir,
    key,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      key.fill(0);
    },
  };
}
