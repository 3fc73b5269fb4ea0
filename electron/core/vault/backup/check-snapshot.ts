// Opens the verified copy of a backup's vault snapshot with the key the user gave and checks it
// the way SQLite can: every page decrypts and authenticates (SQLCipher's per-page HMAC), the
// b-trees are sound (PRAGMA integrity_check), the foreign keys hold, and the schema is one this
// app knows; for format 2, that the audit head the manifest names is the snapshot's own. Runs on
// a private copy: opening sets WAL mode, which rewrites the file header. `inspect` reads the
// checked snapshot before it is closed (restore-guard.ts compares its chain with the vault's).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../../app-failure';
import type { ChainHead } from '../audit/chain-head';
import { readChainHead } from '../audit/chain-head';
import { LATEST_SCHEMA_VERSION } from '../migrations/index';
import { openDatabase } from '../open-database';
import { schemaVersion } from '../run-migrations';
import type { BackupManifest } from './backup-format';

export function checkSnapshot(
  copyPath: string,
  key: Buffer,
  manifest: BackupManifest,
  fail: (what: string) => AppFailure,
  backupPath: string,
  hooks: {
    /** Checks the manifest's MAC once the key is known to open the snapshot (manifest-mac.ts). */
    authenticate?: () => void;
    inspect?: (snapshot: Database, head: ChainHead) => void;
  } = {},
): ChainHead {
  let db;
  try {
    db = openDatabase(copyPath, key, { create: false, migrate: false });
  } catch (error: unknown) {
    if (error instanceof AppFailure && error.error.code === 'VAULT_KEY_INVALID')
      throw fail(
        'its vault does not open with this key (another key, or a backup of another vault)',
      );
    throw fail('its vault snapshot cannot be opened');
  }
  try {
    // The key opens the snapshot; before the manifest is compared with it, it must be authentic.
    hooks.authenticate?.();
    const found = schemaVersion(db);
    if (found > LATEST_SCHEMA_VERSION)
      throw new AppFailure(
        'VAULT_FROM_FUTURE',
        `The backup ${backupPath} was made by a newer version of KP Desk (schema ${found}). Update KP Desk to restore it. Nothing was changed.`,
      );
    if (found !== manifest.schemaVersion)
      throw fail('its manifest does not match its vault (schema version)');
    let problems: string[];
    try {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
      if (rows.length === 0) problems = ['no result'];
      const orphans = db.pragma('foreign_key_check') as unknown[];
      if (orphans.length > 0) problems.push(`${orphans.length} broken references`);
    } catch {
      // A page whose HMAC fails raises an error instead of a row: the file was altered.
      problems = ['a page does not decrypt'];
    }
    if (problems.length > 0) throw fail('its vault snapshot is damaged (integrity check failed)');
    const head = readChainHead(db);
    if (manifest.format === 2) {
      const named = manifest.auditHead;
      if (named.seq !== head.seq || named.hash !== head.hash)
        throw fail('its manifest does not match its vault (audit chain head)');
    }
    hooks.inspect?.(db, head);
    return head;
  } finally {
    db.close();
  }
}
