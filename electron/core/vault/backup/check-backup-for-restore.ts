// Everything a restore (`kpdesk restore`, vault:restore) checks before it asks to replace anything: the backup file byte by
// byte (header, manifest, sizes, SHA-256 of each part), that the user's passphrase or recovery
// key unwraps the vault key from the backup's own key file (or, for a backup without one, from
// the key file of the vault being replaced), and that the snapshot opens with that key and
// passes SQLite's integrity check. restoreBackup() checks all of it again as it installs: the
// file could change between the question and the answer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppFailure } from '../../app-failure';
import type { BackupManifest, ProgressListener } from './backup-format';
import { checkSnapshot } from './check-snapshot';
import { backupInvalid, verifyBackupFile } from './verify-backup-file';
import type { KeyFile } from '../keys/key-file';
import { parseKeyFile } from '../keys/key-file';
import type { VaultSecret } from '../keys/unlock-vault';
import { readVaultKeyFile, unlockKey } from '../keys/unlock-vault';

export type CheckedBackup = {
  manifest: BackupManifest;
  /** The vault key; the caller zeroes it when done. */
  key: Buffer;
  /** The backup's key file bytes, restored next to the vault; undefined when it has none. */
  keyFileBytes: Buffer | undefined;
};

function keyFileOf(backupPath: string, dir: string, keyFileBytes: Buffer | undefined): KeyFile {
  if (keyFileBytes !== undefined) {
    try {
      return parseKeyFile(keyFileBytes.toString('utf8'));
    } catch {
      throw backupInvalid(backupPath, 'its key file is not a KP Desk key file');
    }
  }
  try {
    return readVaultKeyFile(dir);
  } catch (error: unknown) {
    if (error instanceof AppFailure && error.error.code === 'VAULT_NOT_FOUND')
      throw new AppFailure(
        'VAULT_NOT_FOUND',
        `The backup ${backupPath} holds no key file, and there is no vault in ${dir} whose key file could open it. Nothing was changed.`,
      );
    throw error;
  }
}

export async function checkBackupForRestore(options: {
  backupPath: string;
  dir: string;
  secret: VaultSecret;
  onProgress?: ProgressListener | undefined;
}): Promise<CheckedBackup> {
  const { backupPath, dir, secret } = options;
  const work = await mkdtemp(join(tmpdir(), 'kpdesk-restore-check-'));
  try {
    const copyPath = join(work, 'check.kpdb');
    const verified = await verifyBackupFile(backupPath, copyPath, options.onProgress);
    const key = await unlockKey(keyFileOf(backupPath, dir, verified.keyFile), secret);
    try {
      checkSnapshot(
        copyPath,
        key,
        verified.manifest,
        (what) => backupInvalid(backupPath, what),
        backupPath,
      );
    } catch (error: unknown) {
      key.fill(0);
      throw error;
    }
    return { manifest: verified.manifest, key, keyFileBytes: verified.keyFile };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
