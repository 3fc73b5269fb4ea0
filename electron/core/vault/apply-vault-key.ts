// The vault's cipher and raw key, applied to a fresh connection before its first read: SQLCipher 4
// settings, the 32-byte key as a hex literal in PRAGMA key and nowhere else (no log, no error
// message). Its own file so that a reader without migrations (the audit verification's helper
// thread) opens the file exactly as open-database.ts does.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../app-failure';

export const KEY_BYTES = 32;

export function applyKey(db: Database, key: Buffer): void {
  if (key.length !== KEY_BYTES)
    throw new AppFailure('VAULT_KEY_INVALID', 'The vault key has the wrong length.');
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}
