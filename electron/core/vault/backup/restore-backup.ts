// Restores a vault from a backup file, verifying everything before replacing anything: the
// header and manifest, every size and SHA-256, that the snapshot opens with the given key and
// passes SQLite's integrity check, and that its schema is not newer than this app. Only then are
// the vault and the key file replaced, each atomically (install-file.ts); the previous ones are
// kept as `<name>.before-restore-<time>`, never deleted: this is the licensee's ten-year record.
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppFailure } from '../../app-failure';
import type { BackupManifest, ProgressListener } from './backup-format';
import { checkSnapshot } from './check-snapshot';
import { fsyncDirectory, readRange, writeAll } from './file-chunks';
import { installFile } from './install-file';
import { backupInvalid, verifyBackupFile } from './verify-backup-file';

export type RestoreBackupOptions = {
  backupPath: string;
  /** The vault file to replace (or create); the vault must be closed. */
  vaultPath: string;
  /** The vault key that must open the backup's snapshot. */
  key: Buffer;
  /** Where the backup's key file is restored to; it is not restored when omitted. */
  keyFilePath?: string;
  /** Extra check of the backup's key file before anything is replaced (e.g. it unwraps `key`). */
  checkKeyFile?: (content: Buffer) => void | Promise<void>;
  /** Folder for the private verification copy; a new folder in the OS temp folder by default. */
  workDir?: string;
  now?: () => Date;
  onProgress?: ProgressListener;
};

export type RestoreSummary = {
  manifest: BackupManifest;
  vaultPath: string;
  previousVaultPath?: string;
  keyFilePath?: string;
  previousKeyFilePath?: string;
};

/** A WAL with content means a connection is open or the app crashed: its pages belong to the old vault. */
function refuseOpenVault(vaultPath: string): void {
  const wal = `${vaultPath}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0)
    throw new AppFailure(
      'CONFLICT',
      `The vault at ${vaultPath} is open or was not closed cleanly. Close KP Desk (and any kpdesk command) and try again; nothing was changed.`,
    );
}

export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreSummary> {
  const { backupPath, vaultPath, key, keyFilePath, onProgress } = options;
  const fail = (what: string) => backupInvalid(backupPath, what);
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const keepVaultAs = `${vaultPath}.before-restore-${stamp}`;
  const keepKeysAs = keyFilePath === undefined ? '' : `${keyFilePath}.before-restore-${stamp}`;
  const work = await mkdtemp(join(options.workDir ?? tmpdir(), 'kpdesk-restore-'));
  try {
    const copyPath = join(work, 'check.kpdb');
    const verified = await verifyBackupFile(backupPath, copyPath, onProgress);
    const { manifest, payloadOffset, keyFile } = verified;
    onProgress?.({ phase: 'check', done: 0, total: 1 });
    checkSnapshot(copyPath, key, manifest, fail, backupPath);
    if (keyFile !== undefined && options.checkKeyFile !== undefined) {
      try {
        await options.checkKeyFile(keyFile);
      } catch (error: unknown) {
        const why = error instanceof AppFailure ? `: ${error.message}` : '';
        throw fail(`its key file does not belong to this vault${why}`);
      }
    }
    onProgress?.({ phase: 'check', done: 1, total: 1 });

    // Everything checked; still refuse before the first write if the vault is in use.
    refuseOpenVault(vaultPath);
    for (const kept of [keepVaultAs, keepKeysAs])
      if (kept !== '' && existsSync(kept))
        throw new AppFailure('CONFLICT', `${kept} already exists; nothing was changed.`);

    const database = manifest.files[0];
    if (database === undefined) throw fail('it holds no vault');
    const keysToRestore = keyFilePath === undefined ? undefined : keyFile;
    const total = database.size + (keysToRestore?.length ?? 0);
    let done = 0;
    onProgress?.({ phase: 'replace', done, total });
    await mkdir(dirname(vaultPath), { recursive: true });
    const summary: RestoreSummary = { manifest, vaultPath };
    const backup = await open(backupPath, 'r');
    try {
      const previous = await installFile(vaultPath, keepVaultAs, async (out) => {
        // Read again from the backup and re-hash: the bytes installed are the bytes verified.
        const sha = await readRange(backup, payloadOffset, database.size, async (chunk) => {
          await writeAll(out, chunk);
          done += chunk.length;
          onProgress?.({ phase: 'replace', done, total });
        });
        if (sha !== database.sha256) throw fail('the file changed while it was being restored');
        // A zero-length WAL or a stale shared-memory index must not pair with the new file.
        await rm(`${vaultPath}-wal`, { force: true });
        await rm(`${vaultPath}-shm`, { force: true });
      });
      if (previous !== undefined) summary.previousVaultPath = previous;
    } finally {
      await backup.close();
    }
    // The key file second: a failure above leaves both files as they were.
    if (keysToRestore !== undefined && keyFilePath !== undefined) {
      const previous = await installFile(keyFilePath, keepKeysAs, async (out) => {
        await writeAll(out, keysToRestore);
      });
      done += keysToRestore.length;
      onProgress?.({ phase: 'replace', done, total });
      summary.keyFilePath = keyFilePath;
      if (previous !== undefined) summary.previousKeyFilePath = previous;
      await fsyncDirectory(dirname(keyFilePath));
    }
    await fsyncDirectory(dirname(vaultPath));
    return summary;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
