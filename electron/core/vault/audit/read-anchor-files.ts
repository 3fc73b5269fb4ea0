// Reads anchors from the files and folders a user names (`kpdesk audit verify --anchors`, the
// app's "Check the record"): head files (anchor-line.ts; one or more head lines) and KP Desk
// backups (the audit head in a format 2 manifest). A folder is read one level deep; files in it
// that are neither are listed as ignored; a file named on its own that is neither is a problem,
// as is a damaged one, so nothing is silently skipped. Signed certificate PDFs carry the head
// at their signing (read-pdf-anchor.ts), when signed by this vault's identity; one signed
// before that carries none and is listed as ignored. Receipts export files (JSON lines of
// `kpdesk submissions export-receipts`) give USKPA's signed receipts, each an anchor only when
// USKPA's pinned CA verifies it (receipt-anchors.ts).
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppFailure } from '../../app-failure';
import { BACKUP_MAGIC } from '../backup/backup-format';
import { readBackupManifest } from '../backup/verify-backup-file';
import { authenticateManifest } from '../backup/manifest-mac';
import { ANCHOR_MAGIC, parseAnchorLine } from './anchor-line';
import type { Anchor } from './check-anchors';
import { readPdfAnchor } from './read-pdf-anchor';
import { receiptFileAnchors } from './receipt-anchors';

/** A head file is one line, or a few hundred appended; anything larger is not one. */
const MAX_HEAD_FILE_BYTES = 1024 * 1024;
/** A receipt line is a few kB (with its signer certificate); ten years of them fit well. */
const MAX_RECEIPTS_FILE_BYTES = 256 * 1024 * 1024;

export type AnchorFiles = {
  anchors: Anchor[];
  /** Files that should have been anchors and could not be read as such. */
  problems: { path: string; reason: string }[];
  /** Files in a named folder that are not anchors. */
  ignored: { path: string; reason: string }[];
};

async function sniff(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(32);
    const { bytesRead } = await file.read(buffer, 0, 32, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await file.close();
  }
}

async function readHeadFile(path: string, found: AnchorFiles): Promise<void> {
  if ((await stat(path)).size > MAX_HEAD_FILE_BYTES) {
    found.problems.push({ path, reason: 'it is too large to be a head file' });
    return;
  }
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = parseAnchorLine(line);
    const source = lines.length > 2 ? `${path}, line ${String(index + 1)}` : path;
    if (typeof parsed === 'string') found.problems.push({ path: source, reason: parsed });
    else found.anchors.push({ ...parsed, source, kind: 'head-file', authenticated: null });
  });
}

async function readReceiptsFile(
  path: string,
  found: AnchorFiles,
  uskpaCaPem: string | null,
): Promise<void> {
  if ((await stat(path)).size > MAX_RECEIPTS_FILE_BYTES) {
    found.problems.push({ path, reason: 'it is too large to be a receipts export' });
    return;
  }
  const read = receiptFileAnchors(path, await readFile(path, 'utf8'), uskpaCaPem);
  found.anchors.push(...read.anchors);
  found.ignored.push(...read.ignored);
  found.problems.push(...read.problems);
}

async function readBackupAnchor(
  path: string,
  found: AnchorFiles,
  key: Buffer | undefined,
): Promise<void> {
  let read;
  try {
    read = await readBackupManifest(path);
  } catch (error: unknown) {
    if (!(error instanceof AppFailure)) throw error;
    found.problems.push({ path, reason: error.message });
    return;
  }
  const { manifest } = read;
  if (manifest.format === 1) {
    found.problems.push({
      path,
      reason: 'it is a format 1 backup, whose manifest has no audit head',
    });
    return;
  }
  let authenticated: boolean | null = null;
  if (key !== undefined)
    try {
      authenticated = authenticateManifest(
        key,
        { format: manifest.format, ...read },
        (what) => new AppFailure('BACKUP_INVALID', what),
      );
    } catch {
      authenticated = false;
    }
  found.anchors.push({
    ...manifest.auditHead,
    source: path,
    kind: 'backup',
    vaultId: manifest.vaultId ?? null,
    authenticated,
  });
}

async function readOne(
  path: string,
  found: AnchorFiles,
  context: {
    key: Buffer | undefined;
    ownSigners: ReadonlySet<string>;
    uskpaCaPem: string | null;
  },
  inFolder: boolean,
): Promise<void> {
  const start = await sniff(path);
  if (start.startsWith(ANCHOR_MAGIC)) await readHeadFile(path, found);
  else if (start.startsWith(BACKUP_MAGIC)) await readBackupAnchor(path, found, context.key);
  else if (start.startsWith('{')) await readReceiptsFile(path, found, context.uskpaCaPem);
  else if (start.startsWith('%PDF')) {
    const reading = await readPdfAnchor(path, context.ownSigners);
    if (reading.kind === 'anchor') found.anchors.push(reading.anchor);
    else if (reading.kind === 'problem') found.problems.push({ path, reason: reading.reason });
    else found.ignored.push({ path, reason: reading.reason });
  } else
    (inFolder ? found.ignored : found.problems).push({
      path,
      reason: 'neither a head file, a signed certificate, a receipts export nor a KP Desk backup',
    });
}

/**
 * Reads every anchor in `paths` (relative to `cwd`). `key`: this vault's key, to check each
 * backup manifest's MAC (an anchor is reported either way; the verdict says which held).
 * `ownSigners`: the SHA-256 fingerprints of this vault's signing certificates; a PDF signed by
 * anyone else is not an anchor. `uskpaCaPem`: USKPA's pinned CA, which a receipt must verify
 * against to count.
 */
export async function readAnchorFiles(
  paths: readonly string[],
  cwd: string,
  key?: Buffer,
  ownSigners: ReadonlySet<string> = new Set(),
  uskpaCaPem: string | null = null,
): Promise<AnchorFiles> {
  const context = { key, ownSigners, uskpaCaPem };
  const found: AnchorFiles = { anchors: [], problems: [], ignored: [] };
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) found.problems.push({ path, reason: 'it does not exist' });
    else if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort()) {
        const inner = join(path, name);
        if ((await stat(inner)).isFile()) await readOne(inner, found, context, true);
      }
    } else if (info.isFile()) await readOne(path, found, context, false);
    else found.problems.push({ path, reason: 'it is neither a file nor a folder' });
  }
  return found;
}
