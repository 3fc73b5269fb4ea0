// The vault gateway's backup and restore. Main's save and open dialogs choose the files (a path
// never comes from the renderer); main asks first whether the call would be allowed, so the user
// is not shown a dialog for nothing. A backup needs a signed-in user (a reviewer too); a restore
// replaces the vault, so it runs only while the vault is locked, and checks everything before it
// replaces anything (backup/restore-vault.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { AppFailure } from '../app-failure';
import type { BackupProgress } from './backup/backup-format';
import { createBackup } from './backup/create-backup';
import type { BackupSummary } from './backup/create-backup';
import type { RestoreSummary } from './backup/restore-backup';
import { restoreVault } from './backup/restore-vault';
import { vaultLocation } from './keys/vault-location';
import { parseInput } from './repositories/parse-input';

const BackupSchema = z.object({ path: z.string().min(1).max(4096) }).strict();
const RestoreSchema = z.union([
  z.object({ path: z.string().min(1).max(4096), passphrase: z.string().min(1).max(1024) }).strict(),
  z.object({ path: z.string().min(1).max(4096), recoveryKey: z.string().min(1).max(200) }).strict(),
]);

export type VaultBackupDeps = {
  dataDir: string;
  onProgress?: ((event: { operation: 'backup' | 'restore' } & BackupProgress) => void) | undefined;
  /** The open vault's connection, as the signed-in user (VAULT_LOCKED, AUTH_FAILED otherwise). */
  signedInDb: () => Database;
  /** Whether the vault is open (after locking it if it was idle too long). */
  isOpen: () => boolean;
};

export function vaultBackupMethods(deps: VaultBackupDeps) {
  const { keyFilePath } = vaultLocation(deps.dataDir);
  const refuseWhileOpen = (): void => {
    if (deps.isOpen())
      throw new AppFailure(
        'CONFLICT',
        'Lock the vault before restoring a backup; nothing was changed.',
      );
  };
  return {
    /** Asked before main shows the save dialog: only a signed-in user may back up. */
    checkBackupAllowed(): void {
      deps.signedInDb();
    },

    /** Asked before main shows the open dialog: a restore replaces the vault, so it must be closed. */
    checkRestoreAllowed(): void {
      refuseWhileOpen();
    },

    /**
     * Replaces the vault with a backup (path from main's open dialog), with the passphrase or
     * recovery key the vault had when the backup was made. Only while locked; everything is
     * checked before anything is replaced, and the replaced files are kept beside the new ones.
     */
    async restore(input: unknown): Promise<RestoreSummary> {
      const { path, ...secret } = parseInput(RestoreSchema, input);
      refuseWhileOpen();
      return restoreVault({
        dir: deps.dataDir,
        backupPath: path,
        secret,
        onProgress: (progress) => deps.onProgress?.({ operation: 'restore', ...progress }),
      });
    },

    /** Any signed-in user may back up (a reviewer too); the path comes from main, never the renderer. */
    backup(input: unknown): Promise<BackupSummary> {
      const { path } = parseInput(BackupSchema, input);
      return createBackup(deps.signedInDb(), {
        backupPath: path,
        // A vault opened with a bare key (tests, keychain) may have no key file beside it.
        ...(existsSync(keyFilePath) ? { keyFilePath } : {}),
        onProgress: (progress) => deps.onProgress?.({ operation: 'backup', ...progress }),
      });
    },
  };
}
