// Restores a vault from a backup file, verifying everything before replacing anything: the
// header and manifest, every size and SHA-256, the manifest's MAC under the vault key (format 2),
// that the snapshot opens with the given key and passes SQLite's integrity check, and that its
// schema is not newer than this app. Only then are the vault and the key file replaced, each
// atomically (install-file.ts); the previous ones are kept as `<name>.before-restore-<time>`,
// never deleted: this is the licensee's ten-year record. With `record`, the restore is first
// written into the verified private copy's audit chain (record-restore.ts), and that copy is
// what is installed: the vault that appears already holds the record of its restore.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppFailure } from '../../app-failure';
import type { ChainHead } from '../audit/chain-head';
import { readChainHead } from '../audit/chain-head';
import { openDatabase } from '../open-database';
import type { BackupManifest, ProgressListener } from './backup-format';
import { checkSnapshot } from './check-snapshot';
import { authenticateManifest } from './manifest-mac';
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
  /**
   * Writes the record of this restore into the checked copy (inside one transaction, after the
   * copy was migrated to this app's schema); that copy is then installed. Its argument: where
   * the replaced vault will be kept (null: there is none).
   */
  record?: (db: Database, previousVaultPath: string | null) => void;
  now?: () => Date;
  onProgress?: ProgressListener;
};

export type RestoreSummary = {
  manifest: BackupManifest;
  /** False for a format 1 backup, whose manifest had no MAC: its date is not proven. */
  manifestAuthenticated: boolean;
  /** The restored vault's audit head (after the record of the restore, when written). */
  auditHead: ChainHead;
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
    let manifestAuthenticated = false;
    let auditHead = checkSnapshot(copyPath, key, manifest, fail, backupPath, {
      authenticate: () => {
        manifestAuthenticated = authenticateManifest(
          key,
          { ...verified, format: manifest.format },
          fail,
        );
      },
    });
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
    // The record goes into the private copy; that copy, not the backup's bytes, is installed.
    let source = {
      path: backupPath,
      offset: payloadOffset,
      size: database.size,
      sha256: database.sha256,
    };
    if (options.record !== undefined) {
      const record = options.record;
      const previous = existsSync(vaultPath) ? keepVaultAs : null;
      const db = openDatabase(copyPath, key, { create: false });
      try {
        db.transaction(() => {
          record(db, previous);
        })();
        auditHead = readChainHead(db);
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      source = { path: copyPath, offset: 0, size: (await stat(copyPath)).size, sha256: '' };
    }
    const keysToRestore = keyFilePath === undefined ? undefined : keyFile;
    const total = source.size + (keysToRestore?.length ?? 0);
    let done = 0;
    onProgress?.({ phase: 'replace', done, total });
    await mkdir(dirname(vaultPath), { recursive: true });
    const summary: RestoreSummary = { manifest, manifestAuthenticated, auditHead, vaultPath };
    const backup = await open(source.path, 'r');
    try {
      const previous = await installFile(vaultPath, keepVaultAs, async (out) => {
        // Read again from the backup and re-hash: the bytes installed are the bytes verified.
        // (The private copy, written by this process in a folder of its own, is installed as is.)
        const sha = await readRange(backup, source.offset, source.size, async (chunk) => {
          await writeAll(out, chunk);
          done += chunk.length;
          onProgress?.({ phase: 'replace', done, total });
        });
        if (sha === undefined || (source.sha256 !== '' && sha !== source.sha256))
          throw fail('the file changed while it was being restored');
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
