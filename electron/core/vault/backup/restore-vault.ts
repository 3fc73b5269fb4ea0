// Restores the vault of a data folder from a backup file, for the app (vault:restore): check
// everything first (check-backup-for-restore.ts: every byte, that the secret opens the backup,
// the snapshot's integrity), then replace (restore-backup.ts, which checks again as it installs,
// keeps the replaced files beside the new ones and never deletes them). The vault must be closed.
import { mkdir } from 'node:fs/promises';
import { AppFailure } from '../../app-failure';
import type { VaultSecret } from '../keys/unlock-vault';
import { vaultLocation } from '../keys/vault-location';
import type { ProgressListener } from './backup-format';
import { checkBackupForRestore } from './check-backup-for-restore';
import type { RestoreSummary } from './restore-backup';
import { restoreBackup } from './restore-backup';

export async function restoreVault(options: {
  dir: string;
  backupPath: string;
  secret: VaultSecret;
  onProgress?: ProgressListener;
}): Promise<RestoreSummary> {
  const { dir, backupPath, secret, onProgress } = options;
  const { vaultPath, keyFilePath } = vaultLocation(dir);
  const checked = await checkBackupForRestore({ backupPath, dir, secret, onProgress });
  const { key, keyFileBytes } = checked;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return await restoreBackup({
      backupPath,
      vaultPath,
      key,
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
      ...(onProgress === undefined ? {} : { onProgress }),
    });
  } finally {
    key.fill(0);
  }
}
