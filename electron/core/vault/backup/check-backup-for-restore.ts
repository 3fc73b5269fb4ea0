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
import { authenticateManifest } from './manifest-mac';
import type { CurrentVault, RestoreAssessment } from './restore-guard';
import { assessRestore } from './restore-guard';
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
  /** What the restore would replace and drop (nothing to replace: `current` is null). */
  assessment: RestoreAssessment;
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
  /** The vault the restore would replace, opened by a caller who proved the right to; null: none. */
  current: CurrentVault | null;
  onProgress?: ProgressListener | undefined;
}): Promise<CheckedBackup> {
  const { backupPath, dir, secret, current } = options;
  const work = await mkdtemp(join(tmpdir(), 'kpdesk-restore-check-'));
  try {
    const copyPath = join(work, 'check.kpdb');
    const verified = await verifyBackupFile(backupPath, copyPath, options.onProgress);
    const fail = (what: string) => backupInvalid(backupPath, what);
    const keyFile = keyFileOf(backupPath, dir, verified.keyFile);
    const { manifest } = verified;
    if (manifest.vaultId !== undefined && manifest.vaultId !== keyFile.vaultId)
      throw fail('its manifest and its key file name different vaults');
    const key = await unlockKey(keyFile, secret);
    let assessment: RestoreAssessment | undefined;
    try {
      let manifestAuthenticated = false;
      checkSnapshot(copyPath, key, manifest, fail, backupPath, {
        authenticate: () => {
          manifestAuthenticated = authenticateManifest(
            key,
            { ...verified, format: manifest.format },
            fail,
          );
        },
        inspect: (snapshot, snapshotHead) => {
          assessment = assessRestore({
            current,
            snapshot,
            snapshotHead,
            // A backup without a key file opened with the current vault's key: the same vault.
            backupVaultId: keyFile.vaultId,
            createdAt: manifest.createdAt,
            manifestAuthenticated,
          });
        },
      });
    } catch (error: unknown) {
      key.fill(0);
      throw error;
    }
    if (assessment === undefined) throw new Error('the snapshot was not assessed');
    return { manifest, key, keyFileBytes: verified.keyFile, assessment };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
