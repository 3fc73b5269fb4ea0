// A binary file kpdesk writes on request (a statistics PDF) is a new file, like the text ones
// (write-new-text-file.ts): an existing file is never overwritten.
import { writeFile } from 'node:fs/promises';
import { AppFailure } from '../electron/core/app-failure';

export async function writeNewBinaryFile(
  path: string,
  option: string,
  bytes: Uint8Array,
): Promise<void> {
  try {
    await writeFile(path, bytes, { flag: 'wx' });
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    const message =
      code === 'EEXIST'
        ? `${path} already exists; it is never overwritten. Choose a new file name.`
        : `${path} cannot be written (${typeof code === 'string' ? code : 'error'}).`;
    throw new AppFailure('INVALID_INPUT', message, { [option]: message });
  }
}
