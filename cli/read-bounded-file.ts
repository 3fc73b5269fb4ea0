// Reads a file a command was given, at most `limit + 1` bytes: enough for the verifier to refuse
// a file that is too large without reading it all. A file that cannot be read is a usage error
// naming it (exit 2), never a crash.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { usageFailure } from './command-outcome';

export function readBoundedFile(path: string, displayName: string, limit: number): Buffer {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const info = fstatSync(descriptor);
    if (!info.isFile()) throw usageFailure(`${displayName} is not a file.`);
    const buffer = Buffer.alloc(Math.min(info.size, limit + 1));
    const read = readSync(descriptor, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } catch (error: unknown) {
    if (error instanceof Error && error.name === 'AppFailure') throw error;
    const code = (error as { code?: unknown } | null)?.code;
    const problem =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : 'it cannot be read';
    throw usageFailure(`Cannot read ${displayName}: ${problem}.`, { file: problem });
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
