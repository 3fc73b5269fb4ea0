// Puts new bytes at a path without ever leaving it half-written: write a temporary file in the
// same folder, fsync it, keep the previous file under another name (a hard link, so the path
// always names a complete file), then rename over it, which POSIX and NTFS do atomically.
import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { copyFile, link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type InstallSource = (out: FileHandle) => Promise<void>;

/** Keeps `path` as `keepAs` (hard link, or a copy where the file system has no hard links). */
async function keepPrevious(path: string, keepAs: string): Promise<void> {
  try {
    await link(path, keepAs);
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    await copyFile(path, keepAs, constants.COPYFILE_EXCL);
    const copy = await open(keepAs, 'r+');
    await copy.sync().finally(() => copy.close());
  }
}

/**
 * Writes `write`'s bytes to `path`; returns the name the previous file is kept under, if any.
 * On any failure before the rename, `path` is unchanged and the temporary file is removed.
 */
export async function installFile(
  path: string,
  keepAs: string,
  write: InstallSource,
): Promise<string | undefined> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.restoring-${randomBytes(6).toString('hex')}`,
  );
  try {
    // Owner-only, like the vault and key file it replaces.
    const out = await open(temp, 'wx', 0o600);
    try {
      await write(out);
      await out.sync();
    } finally {
      await out.close();
    }
    const hadPrevious = existsSync(path);
    if (hadPrevious) await keepPrevious(path, keepAs);
    await rename(temp, path);
    return hadPrevious ? keepAs : undefined;
  } finally {
    await rm(temp, { force: true });
  }
}
