// Re-keys the vault (issue 13 part 4): the database is re-encrypted under a NEW random key
// (SQLCipher rekey), and the key file gets new wraps of it, under the same passphrase and a new
// recovery key (shown once, unconfirmed until typed back). Changing the passphrase or rotating
// the recovery key only rewraps the same key, so an old recovery key with an old key file (one is
// inside every backup) still opened today's vault; after a rekey they open nothing. Offered after
// a recovery-key rotation and when a workstation or a person leaves. Old BACKUPS keep the old
// key: they still open with the passphrase or recovery key they were made with.
//
// Crash safety: the new key file is first written beside the old one as `<keys>.rekey-pending`
// (atomic, 0600); SQLCipher's rekey runs in one rollback-journal transaction (SQLite3 Multiple
// Ciphers refuses it in WAL mode), so a crash during it leaves the database under the old key;
// then the rekey is recorded (audited) and the pending key file put in place in one transaction
// (`record`). A crash between the rekey and that leaves the pending file holding the right key:
// unlock-vault.ts tries it when the key file's key no longer opens the database, and completes
// the swap. The keychain wrap is dropped (remember the vault on this computer again).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { AppFailure } from '../../app-failure';
import type { KeyFile } from './key-file';
import { writeKeyFile } from './key-file';
import type { KdfCost } from './passphrase-wrap';
import { wrapKey } from './passphrase-wrap';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import { replaceKeyFile } from './replace-key-file';
import { pendingRekeyPath, readVaultKeyFile } from './unlock-vault';
import { DATABASE_KEY_BYTES, unlockWithPassphrase } from './vault-keys';
import { vaultLocation } from './vault-location';

export type RekeyProgress = { phase: 'wrap' | 'rekey' | 'record'; done: number; total: number };

export type RekeyOptions = {
  dir: string;
  /** The vault's only open connection, opened with the current key. */
  db: Database;
  currentPassphrase: string;
  kdf?: KdfCost;
  /** Records the rekey (audited) and calls `install` inside the same transaction. */
  record: (install: () => void) => void;
  onProgress?: (progress: RekeyProgress) => void;
};

export async function rekeyVault(options: RekeyOptions): Promise<{ recoveryKey: string }> {
  const { dir, db, onProgress } = options;
  const keyFile = readVaultKeyFile(dir);
  let oldKey: Buffer;
  try {
    oldKey = await unlockWithPassphrase(keyFile, options.currentPassphrase);
  } catch (error: unknown) {
    if (error instanceof AppFailure && error.error.code === 'VAULT_KEY_INVALID')
      throw new AppFailure(
        'VAULT_KEY_INVALID',
        'The passphrase is not correct. The vault was not re-keyed.',
        { currentPassphrase: 'not correct' },
      );
    throw error;
  }
  oldKey.fill(0);
  const newKey = randomBytes(DATABASE_KEY_BYTES);
  const pending = pendingRekeyPath(vaultLocation(dir).keyFilePath);
  try {
    onProgress?.({ phase: 'wrap', done: 0, total: 1 });
    const recoveryKey = generateRecoveryKey();
    const target = { vaultId: keyFile.vaultId, kdf: options.kdf };
    const rekeyed: KeyFile = {
      ...keyFile,
      wraps: [
        await wrapKey(newKey, options.currentPassphrase, { ...target, kind: 'passphrase' }),
        await wrapKey(newKey, parseRecoveryKey(recoveryKey), { ...target, kind: 'recovery' }),
      ],
    };
    writeKeyFile(pending, rekeyed);
    onProgress?.({ phase: 'wrap', done: 1, total: 1 });

    onProgress?.({ phase: 'rekey', done: 0, total: 1 });
    db.pragma('wal_checkpoint(TRUNCATE)');
    if (String(db.pragma('journal_mode = DELETE', { simple: true })).toLowerCase() !== 'delete')
      throw new AppFailure(
        'CONFLICT',
        'The vault is open elsewhere (KP Desk or another kpdesk command). Close it and try again; nothing was changed.',
      );
    try {
      db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    } catch (error: unknown) {
      rmSync(pending, { force: true });
      throw error;
    } finally {
      db.pragma('journal_mode = WAL');
    }
    onProgress?.({ phase: 'rekey', done: 1, total: 1 });

    onProgress?.({ phase: 'record', done: 0, total: 1 });
    options.record(() => {
      replaceKeyFile(dir, keyFile, rekeyed);
    });
    rmSync(pending, { force: true });
    onProgress?.({ phase: 'record', done: 1, total: 1 });
    return { recoveryKey };
  } finally {
    newKey.fill(0);
  }
}
