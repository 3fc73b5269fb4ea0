// Restores the vault of a data folder from a backup file, for the app (vault:restore): the right
// to replace the vault is proved first (an administrator signed in, or the current vault's
// passphrase or recovery key: guarded-restore.ts), then everything is checked
// (check-backup-for-restore.ts: every byte, the manifest's MAC, that the secret opens the
// backup, the snapshot's integrity, what the restore would drop), then the confirmations it
// needs, then the vault is replaced (restore-backup.ts, which checks again as it installs, keeps
// the replaced files beside the new ones and writes the restore into the restored chain).
import type { VaultSecret } from '../keys/unlock-vault';
import type { ProgressListener } from './backup-format';
import type { CheckedBackup } from './check-backup-for-restore';
import { checkBackupForRestore } from './check-backup-for-restore';
import type { GuardedRestoreSummary, VaultToReplace } from './guarded-restore';
import { installCheckedBackup, openVaultToReplace } from './guarded-restore';
import type { RestoreConfirmations } from './restore-guard';
import { requireRestoreConfirmations } from './restore-guard';

export type RestoreVaultOptions = {
  dir: string;
  backupPath: string;
  /** Opens the backup (the passphrase or recovery key its vault had when it was made). */
  secret: VaultSecret;
  /**
   * The right to replace the current vault: an open vault with its administrator signed in
   * (the caller closes it through `close` before anything is replaced), or else a secret that
   * opens it (by default the backup's own secret is tried).
   */
  signedIn?: { replace: VaultToReplace; close: () => void };
  currentSecret?: VaultSecret;
  confirmations: RestoreConfirmations;
  now?: () => Date;
  onProgress?: ProgressListener;
};

export async function restoreVault(options: RestoreVaultOptions): Promise<GuardedRestoreSummary> {
  const { dir, backupPath, secret, onProgress } = options;
  const replace =
    options.signedIn?.replace ?? (await openVaultToReplace(dir, options.currentSecret ?? secret));
  let checked: CheckedBackup;
  try {
    checked = await checkBackupForRestore({
      backupPath,
      dir,
      secret,
      current: replace?.current ?? null,
      onProgress,
    });
  } finally {
    // A connection of our own is closed whatever happened; the signed-in vault stays open
    // until the restore is sure to go ahead.
    if (options.signedIn === undefined) replace?.current.db.close();
  }
  try {
    requireRestoreConfirmations(checked.assessment, options.confirmations);
  } catch (error: unknown) {
    checked.key.fill(0);
    throw error;
  }
  // The vault being replaced is closed before anything is replaced (a connection keeps a WAL).
  options.signedIn?.close();
  return installCheckedBackup({
    dir,
    backupPath,
    checked,
    authority: replace?.authority ?? { kind: 'no-vault' },
    confirmations: options.confirmations,
    ...(options.now === undefined ? {} : { now: options.now }),
    onProgress,
  });
}
