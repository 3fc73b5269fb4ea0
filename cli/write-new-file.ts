// Files kpdesk writes on request (a CSR, an address-book export, a statistics, review or receipt
// PDF, a review's CSV) are new files: an existing file is never overwritten, so a mistyped name
// cannot destroy a record. `option` is the command-line option that named the file, for the
// typed error.
import { writeFile } from 'node:fs/promises';
import { AppFailure } from '../electron/core/app-failure';

/** Text is written as UTF-8. */
export async function writeNewFile(
  path: string,
  option: string,
  content: string | Uint8Array,
): Promise<void> {
  try {
    await writeFile(path, content, { flag: 'wx' });
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    const message =
      code === 'EEXIST'
        ? `${path} already exists; it is never overwritten. Choose a new file name.`
        : `${path} cannot be written (${typeof code === 'string' ? code : 'error'}).`;
    throw new AppFailure('INVALID_INPUT', message, { [option]: message });
  }
}
