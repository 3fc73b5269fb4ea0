// Streams a byte range of an open file in fixed chunks, so a multi-gigabyte vault is hashed and
// copied without being held in memory, and progress can be reported after every chunk.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads `length` bytes from `offset`, passing each chunk to `onChunk`; returns their SHA-256.
 * Fewer bytes than promised (a truncated file) is reported as `undefined`, never a short hash.
 */
export async function readRange(
  file: FileHandle,
  offset: number,
  length: number,
  onChunk: (chunk: Buffer) => Promise<void> | void,
): Promise<string | undefined> {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, Math.max(length, 1)));
  let done = 0;
  while (done < length) {
    const want = Math.min(buffer.length, length - done);
    const { bytesRead } = await file.read(buffer, 0, want, offset + done);
    if (bytesRead === 0) return undefined;
    const chunk = buffer.subarray(0, bytesRead);
    hash.update(chunk);
    await onChunk(chunk);
    done += bytesRead;
  }
  return hash.digest('hex');
}

export async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await file.write(bytes, done, bytes.length - done);
    done += bytesWritten;
  }
}

/** Makes a rename or link in `dir` durable (POSIX); Windows cannot open a directory, skip it. */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
