// The files the document channels read and write at paths main's dialogs chose: written through a
// temporary file beside the target (a crash never leaves half a PDF), read only up to a limit (a
// file too large to be a certificate is never read whole). Failures are typed, naming the file.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename } from 'node:path';
import { AppFailure } from '../app-failure';

export function writeFileAtomically(target: string, bytes: Uint8Array): void {
  const temporary = `${target}.${randomBytes(6).toString('hex')}.part`;
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, target);
  } catch {
    rmSync(temporary, { force: true });
    throw new AppFailure(
      'INVALID_INPUT',
      `The file ${basename(target)} could not be written there.`,
      {
        path: 'Choose a folder you can write to.',
      },
    );
  }
}

/** Reads at most `limit + 1` bytes: enough for the verifier to refuse an oversized file. */
export function readFileBounded(file: string, limit: number): Buffer {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    if (!fstatSync(descriptor).isFile()) throw new Error('not a file');
    const buffer = Buffer.alloc(Math.min(fstatSync(descriptor).size, limit + 1));
    const read = readSync(descriptor, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } catch {
    throw new AppFailure('NOT_FOUND', `The file ${basename(file)} cannot be read.`);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
