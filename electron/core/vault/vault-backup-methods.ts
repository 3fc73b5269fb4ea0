// The vault gateway's backup and restore. Main's save and open dialogs choose the files (a path
// never comes from the renderer); main asks first whether the call would be allowed, so the user
// is not shown a dialog for nothing. A backup needs a signed-in user (a reviewer too). A restore
// replaces the whole record, so only an administrator of the vault may do it: signed in (the
// vault is locked before it is replaced), or, while it is locked, by proving its current
// passphrase or recovery key (backup/restore-vault.ts). Everything is checked before anything is
// replaced, and the restore is recorded in the restored vault's chain.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { checkRestoreSecrets, restoreInputShape } from '../../../shared/records/restore-input';
import { AppFailure } from '../app-failure';
import type { BackupProgress } from './backup/backup-format';
import { createBackup } from './backup/create-backup';
import type { BackupSummary } from './backup/create-backup';
import type { GuardedRestoreSummary } from './backup/guarded-restore';
import { restoreVault } from './backup/restore-vault';
import type { VaultSecret } from './keys/unlock-vault';
import { readKeyFile } from './keys/key-file';
import { vaultLocation } from './keys/vault-location';
import { parseInput } from './repositories/parse-input';
import type { User } from './repositories/user-repository';

const BackupSchema = z.object({ path: z.string().min(1).max(4096) }).strict();
const RestoreSchema = z
  .object({ path: z.string().min(1).max(4096), ...restoreInputShape })
  .strict()
  .superRefine(checkRestoreSecrets);

/** The vault as a restore sees it: closed, or open with (or without) a signed-in user. */
export type VaultSession =
  { state: 'locked' } | { state: 'open'; db: Database; key: Buffer; user: User | null };

export type VaultBackupDeps = {
  dataDir: string;
  onProgress?: ((event: { operation: 'backup' | 'restore' } & BackupProgress) => void) | undefined;
  /** The open vault's connection and key, as the signed-in user (VAULT_LOCKED, AUTH_FAILED otherwise). */
  signedInVault: () => { db: Database; key: Buffer };
  /** The vault's state (after locking it if it was idle too long). */
  session: () => VaultSession;
  /** Closes the open vault (before a restore replaces it). */
  lock: () => void;
  now?: () => Date;
};

/** A signed-in administrator, or none while locked; anyone else is refused. */
function administratorOf(session: VaultSession): User | null {
  if (session.state === 'locked') return null;
  if (session.user === null)
    throw new AppFailure(
      'AUTH_FAILED',
      'Sign in as an administrator to restore a backup over this vault (or lock it and prove its passphrase or recovery key). Nothing was changed.',
    );
  if (session.user.role !== 'administrator')
    throw new AppFailure(
      'FORBIDDEN',
      'Only an administrator can replace the vault with a backup. Nothing was changed.',
    );
  return session.user;
}

export function vaultBackupMethods(deps: VaultBackupDeps) {
  const { keyFilePath } = vaultLocation(deps.dataDir);
  const vaultId = (): string | undefined =>
    existsSync(keyFilePath) ? readKeyFile(keyFilePath).vaultId : undefined;
  return {
    /** Asked before main shows the save dialog: only a signed-in user may back up. */
    checkBackupAllowed(): void {
      deps.signedInVault();
    },

    /** Asked before main shows the open dialog: an administrator signed in, or a locked vault. */
    checkRestoreAllowed(): void {
      administratorOf(deps.session());
    },

    /**
     * Replaces the vault with a backup (path from main's open dialog), opened with the passphrase
     * or recovery key the vault had when the backup was made. The right to replace the current
     * vault: its administrator signed in, or (locked) its current secret (by default the
     * backup's secret is tried). The replaced files are kept beside the new ones.
     */
    async restore(input: unknown): Promise<GuardedRestoreSummary> {
      const parsed = parseInput(RestoreSchema, input);
      const secret: VaultSecret =
        parsed.recoveryKey !== undefined
          ? { recoveryKey: parsed.recoveryKey }
          : { passphrase: parsed.passphrase ?? '' };
      const currentSecret: VaultSecret | undefined =
        parsed.currentRecoveryKey !== undefined
          ? { recoveryKey: parsed.currentRecoveryKey }
          : parsed.currentPassphrase !== undefined
            ? { passphrase: parsed.currentPassphrase }
            : undefined;
      const session = deps.session();
      const administrator = administratorOf(session);
      const signedIn =
        session.state === 'open' && administrator !== null
          ? {
              replace: {
                current: { vaultId: vaultId() ?? 'unknown', db: session.db },
                authority: {
                  kind: 'administrator' as const,
                  userId: administrator.id,
                  username: administrator.username,
                },
              },
              close: deps.lock,
            }
          : undefined;
      return restoreVault({
        dir: deps.dataDir,
        backupPath: parsed.path,
        secret,
        ...(signedIn === undefined ? {} : { signedIn }),
        ...(currentSecret === undefined ? {} : { currentSecret }),
        confirmations: {
          replaceOtherVault: parsed.replaceOtherVault,
          dropEvents: parsed.dropEvents,
        },
        ...(deps.now === undefined ? {} : { now: deps.now }),
        onProgress: (progress) => deps.onProgress?.({ operation: 'restore', ...progress }),
      });
    },

    /** Any signed-in user may back up (a reviewer too); the path comes from main, never the renderer. */
    backup(input: unknown): Promise<BackupSummary> {
      const { path } = parseInput(BackupSchema, input);
      const { db, key } = deps.signedInVault();
      const id = vaultId();
      return createBackup(db, {
        backupPath: path,
        key,
        // A vault opened with a bare key (tests, keychain) may have no key file beside it.
        ...(existsSync(keyFilePath) ? { keyFilePath } : {}),
        ...(id === undefined ? {} : { vaultId: id }),
        onProgress: (progress) => deps.onProgress?.({ operation: 'backup', ...progress }),
      });
    },
  };
}
