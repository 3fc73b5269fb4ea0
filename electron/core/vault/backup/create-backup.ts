// Writes one backup file from a consistent snapshot of the open vault (docs/backup-format.md).
//
// Why VACUUM INTO and not better-sqlite3's db.backup(): SQLite3 Multiple Ciphers refuses the
// online backup API between a keyed source and a destination connection without a key
// ("backup is not supported with incompatible source and target databases"), and db.backup()
// opens its destination without a key and without URI parameters, so it cannot give the copy
// one. VACUUM INTO reads the whole database inside one read transaction (a consistent snapshot,
// like the backup API, while other connections keep writing to the WAL) and attaches its target
// with the main database's cipher and key, so the snapshot is never written in clear.
// tests/integration/vault/backup-restore.test.ts checks both facts against the installed driver.
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { version as packageVersion } from '../../../../package.json';
import { AppFailure } from '../../app-failure';
import { applyKey } from '../apply-vault-key';
import type { ChainHead } from '../audit/chain-head';
import { readChainHead } from '../audit/chain-head';
import { schemaVersion } from '../run-migrations';
import type { BackupFileEntry, CurrentBackupManifest, ProgressListener } from './backup-format';
import {
  BACKUP_FORMAT,
  DATABASE_FILE_NAME,
  KEY_FILE_NAME,
  MAX_KEY_FILE_BYTES,
  formatHeaderLine,
} from './backup-format';
import { fsyncDirectory, readRange, writeAll } from './file-chunks';
import { manifestMac } from './manifest-mac';

export type CreateBackupOptions = {
  /** Where the backup file goes; an existing file is never overwritten. */
  backupPath: string;
  /** The vault key: the manifest's MAC is made under a key derived from it (manifest-mac.ts). */
  key: Buffer;
  /** The vault's key file (wrapped keys only), stored in the backup when given. */
  keyFilePath?: string;
  vaultId?: string;
  appVersion?: string;
  now?: () => Date;
  onProgress?: ProgressListener;
};

export type BackupSummary = { path: string; bytes: number; manifest: CurrentBackupManifest };

/**
 * The snapshot's own audit head, read from the snapshot file (read-only, so its bytes stay as
 * hashed): the vault may have moved on since VACUUM INTO took it.
 */
function snapshotHead(snapshotPath: string, key: Buffer): ChainHead {
  const db = new Sqlite(snapshotPath, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    return readChainHead(db);
  } finally {
    db.close();
  }
}

function refuseExisting(path: string): AppFailure {
  return new AppFailure(
    'CONFLICT',
    `A file already exists at ${path}. Choose another name for the backup; nothing was overwritten.`,
  );
}

async function readKeyFile(path: string): Promise<Buffer> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined)
    throw new AppFailure('NOT_FOUND', `The vault's key file was not found at ${path}.`);
  if (info.size > MAX_KEY_FILE_BYTES)
    throw new AppFailure('VAULT_CORRUPT', `The vault's key file at ${path} is too large.`);
  return readFile(path);
}

export async function createBackup(
  db: Database,
  options: CreateBackupOptions,
): Promise<BackupSummary> {
  const { backupPath, onProgress } = options;
  if (existsSync(backupPath)) throw refuseExisting(backupPath);
  const keyFile =
    options.keyFilePath === undefined ? undefined : await readKeyFile(options.keyFilePath);
  if (!existsSync(dirname(backupPath)))
    throw new AppFailure('NOT_FOUND', `The folder ${dirname(backupPath)} does not exist.`);
  // A private folder next to the backup keeps the final link on one file system.
  const work = await mkdtemp(join(dirname(backupPath), `.${basename(backupPath)}.partial-`));
  try {
    const snapshotPath = join(work, DATABASE_FILE_NAME);
    const pages = Number(db.pragma('page_count', { simple: true }));
    const version = schemaVersion(db);
    onProgress?.({ phase: 'snapshot', done: 0, total: pages });
    db.prepare('VACUUM INTO ?').run(snapshotPath);
    onProgress?.({ phase: 'snapshot', done: pages, total: pages });
    const auditHead = snapshotHead(snapshotPath, options.key);

    const snapshotSize = (await stat(snapshotPath)).size;
    const keyBytes = keyFile?.length ?? 0;
    const total = 2 * snapshotSize + keyBytes;
    let done = 0;
    const advance = (chunk: Buffer): void => {
      done += chunk.length;
      onProgress?.({ phase: 'write', done, total });
    };

    const snapshot = await open(snapshotPath, 'r');
    try {
      const snapshotSha = await readRange(snapshot, 0, snapshotSize, advance);
      if (snapshotSha === undefined) throw new Error('the snapshot shrank while it was read');
      const files: BackupFileEntry[] = [
        { name: DATABASE_FILE_NAME, size: snapshotSize, sha256: snapshotSha },
      ];
      if (keyFile !== undefined) {
        const sha256 = createHash('sha256').update(keyFile).digest('hex');
        files.push({ name: KEY_FILE_NAME, size: keyFile.length, sha256 });
      }
      const manifest: CurrentBackupManifest = {
        format: BACKUP_FORMAT,
        app: 'KP Desk',
        appVersion: options.appVersion ?? packageVersion,
        createdAt: (options.now?.() ?? new Date()).toISOString(),
        schemaVersion: version,
        ...(options.vaultId === undefined ? {} : { vaultId: options.vaultId }),
        files,
        auditHead,
      };
      const manifestBytes = Buffer.from(`${JSON.stringify(manifest)}\n`, 'utf8');
      const header = formatHeaderLine({
        format: BACKUP_FORMAT,
        manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
        manifestLength: manifestBytes.length,
        manifestMac: manifestMac(options.key, BACKUP_FORMAT, manifestBytes),
      });

      const partPath = join(work, `backup-${randomBytes(6).toString('hex')}`);
      // Owner-only: the backup holds the wrapped keys and the whole (encrypted) record.
      const out = await open(partPath, 'wx', 0o600);
      try {
        await writeAll(out, Buffer.concat([Buffer.from(header, 'utf8'), manifestBytes]));
        const copied = await readRange(snapshot, 0, snapshotSize, async (chunk) => {
          await writeAll(out, chunk);
          advance(chunk);
        });
        if (copied !== snapshotSha) throw new Error('the snapshot changed while it was copied');
        if (keyFile !== undefined) {
          await writeAll(out, keyFile);
          advance(keyFile);
        }
        await out.sync();
      } finally {
        await out.close();
      }
      // link() fails if the name was taken meanwhile: a backup never replaces another file.
      await link(partPath, backupPath).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw refuseExisting(backupPath);
        throw error;
      });
      await fsyncDirectory(dirname(backupPath));
      const bytes = header.length + manifestBytes.length + snapshotSize + keyBytes;
      return { path: backupPath, bytes, manifest };
    } finally {
      await snapshot.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
