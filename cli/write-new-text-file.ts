// Files kpdesk writes on request (a CSR, an address-book export, a batch's result file) are new
// files: an existing file is never overwritten, so a mistyped name cannot destroy a record.
import { writeFile } from 'node:fs/promises';
import { AppFailure } from '../electron/core/app-failure';

export async function writeNewTextFile(path: string, option: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    const message =
      code === 'EEXIST'
        ? `${path} already exists; it is never overwritten. Choose a new file name.`
        : `${path} cannot be written (${typeof code === 'string' ? code : 'error'}).`;
    throw new AppFailure('INVALID_INPUT', message, { [option]: message });
  }
}
