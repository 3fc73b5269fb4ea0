// The restore as the app and the CLI run it, around restore-backup.ts: who may replace the vault
// (an administrator of it, signed in, or whoever proves its passphrase or recovery key: a
// restore replaces the whole record, 31 CFR 501.601), what it would drop and the confirmations
// that needs (restore-guard.ts), and the record of the restore written into the restored
// vault's audit chain (record-restore.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppFailure } from '../../app-failure';
import type { VaultSecret } from '../keys/unlock-vault';
import { readVaultKeyFile, unlockKey } from '../keys/unlock-vault';
import { vaultLocation } from '../keys/vault-location';
import { openDatabase } from '../open-database';
import type { ProgressListener } from './backup-format';
import type { CheckedBackup } from './check-backup-for-restore';
import { recordRestore } from './record-restore';
import type { RestoreSummary } from './restore-backup';
import { restoreBackup } from './restore-backup';
import type {
  CurrentVault,
  RestoreAssessment,
  RestoreAuthority,
  RestoreConfirmations,
} from './restore-guard';
import { requireRestoreConfirmations } from './restore-guard';

export type VaultToReplace = { current: CurrentVault; authority: RestoreAuthority };

/**
 * Opens the vault in `dir` with `secret`, which proves the right to replace it; null when there
 * is no vault there (nothing to guard). The caller closes the database before the restore.
 */
export async function openVaultToReplace(
  dir: string,
  secret: VaultSecret,
): Promise<VaultToReplace | null> {
  const { vaultPath } = vaultLocation(dir);
  if (!existsSync(vaultPath)) return null;
  const keyFile = readVaultKeyFile(dir);
  let key: Buffer;
  try {
    key = await unlockKey(keyFile, secret);
  } catch (error: unknown) {
    if (error instanceof AppFailure && error.error.code === 'VAULT_KEY_INVALID')
      throw new AppFailure(
        'VAULT_KEY_INVALID',
        `The ${'recoveryKey' in secret ? 'recovery key' : 'passphrase'} given does not open the vault in ${dir}, which the restore would replace. Only its administrator, or someone who proves its current passphrase or recovery key, may replace it. Nothing was changed.`,
      );
    throw error;
  }
  let db: Database;
  try {
    // Not migrated: the vault being replaced is only read.
    db = openDatabase(vaultPath, key, { create: false, migrate: false });
  } finally {
    key.fill(0);
  }
  const authority: RestoreAuthority =
    'recoveryKey' in secret ? { kind: 'recoveryKey' } : { kind: 'passphrase' };
  return { current: { vaultId: keyFile.vaultId, db }, authority };
}

export type GuardedRestoreSummary = RestoreSummary & { assessment: RestoreAssessment };

/**
 * Replaces the vault in `dir` with the checked backup, once the confirmations it needs were
 * given; the vault being replaced must be closed by now. Zeroes the checked key.
 */
export async function installCheckedBackup(options: {
  dir: string;
  backupPath: string;
  checked: CheckedBackup;
  authority: RestoreAuthority;
  confirmations: RestoreConfirmations;
  now?: () => Date;
  onProgress?: ProgressListener | undefined;
}): Promise<GuardedRestoreSummary> {
  const { dir, backupPath, checked, authority } = options;
  const { key, keyFileBytes, assessment } = checked;
  const now = options.now ?? (() => new Date());
  try {
    requireRestoreConfirmations(assessment, options.confirmations);
    const { vaultPath, keyFilePath } = vaultLocation(dir);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const summary = await restoreBackup({
      backupPath,
      vaultPath,
      key,
      now,
      record: (db, previousVaultPath) => {
        recordRestore(db, {
          assessment,
          authority,
          backupFileName: basename(backupPath),
          previousVaultPath,
          now,
        });
      },
      ...(keyFileBytes === undefined
        ? {}
        : {
            keyFilePath,
            // The key file installed must be the one the secret was checked against.
            checkKeyFile: (content: Buffer) => {
              if (!content.equals(keyFileBytes))
                throw new AppFailure('BACKUP_INVALID', 'the file changed during the restore');
            },
          }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    return { ...summary, assessment };
  } finally {
    key.fill(0);
  }
}
