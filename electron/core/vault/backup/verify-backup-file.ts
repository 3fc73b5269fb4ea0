// Checks a backup file byte by byte before anything is restored from it: the header, the
// manifest's checksum and shape, that the file is exactly as long as the manifest says, and
// every file's SHA-256. The vault snapshot is copied to `databaseCopyPath` on the way, so the
// bytes that are later opened and checked are the bytes that were hashed.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { AppFailure } from '../../app-failure';
import type { BackupManifest, ProgressListener } from './backup-format';
import {
  BACKUP_FORMAT,
  BackupManifestSchema,
  LEGACY_BACKUP_FORMAT,
  KEY_FILE_NAME,
  MAX_HEADER_BYTES,
  MAX_KEY_FILE_BYTES,
  MAX_MANIFEST_BYTES,
  parseHeaderLine,
} from './backup-format';
import { readRange, writeAll } from './file-chunks';

export type VerifiedBackup = {
  manifest: BackupManifest;
  /** Where the first file's bytes start in the backup file; the others follow in order. */
  payloadOffset: number;
  /** The key file's bytes, when the backup holds one. */
  keyFile?: Buffer;
  /** The manifest as stored, and its MAC (format 2), for authenticateManifest (manifest-mac.ts). */
  manifestBytes: Buffer;
  manifestMac?: string | undefined;
};

export function backupInvalid(backupPath: string, what: string): AppFailure {
  return new AppFailure(
    'BACKUP_INVALID',
    `The backup ${backupPath} cannot be restored: ${what}. Nothing was changed.`,
  );
}

async function readExactly(file: FileHandle, offset: number, length: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sha = await readRange(file, offset, length, (chunk) => {
    parts.push(Buffer.from(chunk));
  });
  return sha === undefined ? Buffer.alloc(0) : Buffer.concat(parts);
}

async function readManifest(
  file: FileHandle,
  size: number,
  fail: (what: string) => AppFailure,
): Promise<{
  manifest: BackupManifest;
  payloadOffset: number;
  manifestBytes: Buffer;
  manifestMac?: string | undefined;
}> {
  if (size === 0) throw fail('the file is empty');
  const head = await readExactly(file, 0, Math.min(size, MAX_HEADER_BYTES));
  const newline = head.indexOf(0x0a);
  const header = newline < 0 ? undefined : parseHeaderLine(head.subarray(0, newline).toString());
  if (header === undefined) throw fail('it is not a KP Desk backup file');
  if (header.format !== BACKUP_FORMAT && header.format !== LEGACY_BACKUP_FORMAT)
    throw fail(`it uses backup format ${header.format}, which this version of KP Desk cannot read`);
  // Format 2 always carries the manifest's MAC, format 1 never did: a MAC stripped to pass a
  // changed manifest off as format 1 still needs a format 1 manifest (no audit head).
  if ((header.manifestMac !== undefined) !== (header.format === BACKUP_FORMAT))
    throw fail('its header does not match its format');
  if (header.manifestLength > MAX_MANIFEST_BYTES) throw fail('its manifest is too large');
  const manifestOffset = newline + 1;
  if (manifestOffset + header.manifestLength > size) throw fail('the file is truncated');
  const manifestBytes = await readExactly(file, manifestOffset, header.manifestLength);
  if (createHash('sha256').update(manifestBytes).digest('hex') !== header.manifestSha256)
    throw fail('its manifest is damaged (checksum mismatch)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw fail('its manifest is not valid JSON');
  }
  const result = BackupManifestSchema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.join(', ')}`
        : issue.path.join('.') || 'manifest',
    );
    throw fail(`its manifest is not in the expected form (${[...new Set(where)].join(', ')})`);
  }
  if (result.data.format !== header.format) throw fail('its manifest does not match its header');
  return {
    manifest: result.data,
    payloadOffset: manifestOffset + header.manifestLength,
    manifestBytes,
    manifestMac: header.manifestMac,
  };
}

export async function verifyBackupFile(
  backupPath: string,
  databaseCopyPath: string,
  onProgress?: ProgressListener,
): Promise<VerifiedBackup> {
  const fail = (what: string) => backupInvalid(backupPath, what);
  const file = await open(backupPath, 'r').catch(() => {
    throw fail('the file cannot be opened');
  });
  try {
    const info = await file.stat();
    if (!info.isFile()) throw fail('it is not a file');
    const size = info.size;
    const read = await readManifest(file, size, fail);
    const { manifest, payloadOffset } = read;
    const expected = manifest.files.reduce((sum, entry) => sum + entry.size, payloadOffset);
    const bytes = (n: number) => (n === 1 ? '1 byte' : `${n} bytes`);
    if (size < expected) throw fail(`the file is truncated (${bytes(expected - size)} missing)`);
    if (size > expected) throw fail(`the file has ${bytes(size - expected)} too many at its end`);

    const total = expected - payloadOffset;
    let done = 0;
    const advance = (chunk: Buffer): void => {
      done += chunk.length;
      onProgress?.({ phase: 'verify', done, total });
    };
    let offset = payloadOffset;
    let keyFile: Buffer | undefined;
    for (const entry of manifest.files) {
      if (entry.name === KEY_FILE_NAME) {
        if (entry.size > MAX_KEY_FILE_BYTES) throw fail('its key file is too large');
        const parts: Buffer[] = [];
        const sha = await readRange(file, offset, entry.size, (chunk) => {
          parts.push(Buffer.from(chunk));
          advance(chunk);
        });
        if (sha !== entry.sha256) throw fail('its key file is damaged (checksum mismatch)');
        keyFile = Buffer.concat(parts);
        try {
          JSON.parse(keyFile.toString('utf8'));
        } catch {
          throw fail('its key file is not valid JSON');
        }
      } else {
        const copy = await open(databaseCopyPath, 'wx');
        try {
          const sha = await readRange(file, offset, entry.size, async (chunk) => {
            await writeAll(copy, chunk);
            advance(chunk);
          });
          if (sha !== entry.sha256) throw fail('its vault snapshot is damaged (checksum mismatch)');
          await copy.sync();
        } finally {
          await copy.close();
        }
      }
      offset += entry.size;
    }
    const found = {
      manifest,
      payloadOffset,
      manifestBytes: read.manifestBytes,
      manifestMac: read.manifestMac,
    };
    return keyFile === undefined ? found : { ...found, keyFile };
  } finally {
    await file.close();
  }
}

/** Only the header and manifest (checksum and shape), e.g. to read the audit head it anchors. */
export async function readBackupManifest(backupPath: string): Promise<{
  manifest: BackupManifest;
  manifestBytes: Buffer;
  manifestMac?: string | undefined;
}> {
  const fail = (what: string) => backupInvalid(backupPath, what);
  const file = await open(backupPath, 'r').catch(() => {
    throw fail('the file cannot be opened');
  });
  try {
    const { manifest, manifestBytes, manifestMac } = await readManifest(
      file,
      (await file.stat()).size,
      fail,
    );
    return { manifest, manifestBytes, manifestMac };
  } finally {
    await file.close();
  }
}
