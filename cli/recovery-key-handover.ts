// The recovery key is shown once and stored nowhere (electron/core/vault/keys/recovery-key.ts).
// `kpdesk init` and `kpdesk recovery-key rotate` hand it over in one of two ways: on a terminal
// it is shown and the user types it back (its last group suffices) to prove it was written down;
// for scripts it goes to a new file with mode 0600 (never an existing one) and is printed nowhere.
import { writeFile } from 'node:fs/promises';
import { AppFailure } from '../electron/core/app-failure';
import { parseRecoveryKey } from '../electron/core/vault/keys/recovery-key';
import type { Terminal, Writer } from './cli-io';

export const CONFIRM_ATTEMPTS = 3;

/** Crockford normalisation, as the key's parser does: any case, no dashes, O→0, I/L→1. */
function normalize(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Whether `typed` is the whole recovery key or its last group. */
export function confirmsRecoveryKey(recoveryKey: string, typed: string): boolean {
  const lastGroup = normalize(recoveryKey.split('-').at(-1) ?? '');
  if (normalize(typed) === lastGroup && lastGroup !== '') return true;
  try {
    return parseRecoveryKey(typed) === parseRecoveryKey(recoveryKey);
  } catch {
    return false;
  }
}

export async function writeRecoveryKeyFile(path: string, recoveryKey: string): Promise<void> {
  try {
    // 'wx': fails if the file exists; 0600: readable by its owner only.
    await writeFile(path, `${recoveryKey}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new AppFailure(
        'CONFLICT',
        `${path} already exists; the recovery key is never written over a file.`,
        { '--recovery-key-out': 'already exists' },
      );
    throw new AppFailure('INVALID_INPUT', `The recovery key cannot be written to ${path}.`, {
      '--recovery-key-out': 'cannot be written',
    });
  }
}

const INIT_NOT_CONFIRMED = `The recovery key was not confirmed after ${String(CONFIRM_ATTEMPTS)} attempts, so the new vault was removed. Run "kpdesk init" again and write the key down.`;

export async function showAndConfirmRecoveryKey(
  terminal: Terminal,
  show: Writer,
  recoveryKey: string,
  /** What happens when it is not typed back (init removes the new vault). */
  notConfirmed: string = INIT_NOT_CONFIRMED,
): Promise<void> {
  show(`
Your recovery key, shown only this once:

    ${recoveryKey}

Write it down and keep it away from this computer. It opens the vault if the passphrase
is forgotten, and on another computer; KP Desk cannot show it again.

`);
  for (let attempt = 1; attempt <= CONFIRM_ATTEMPTS; attempt += 1) {
    const typed = await terminal.ask(
      'To confirm you wrote it down, type its last group (or the whole key): ',
    );
    if (confirmsRecoveryKey(recoveryKey, typed)) return;
    if (attempt < CONFIRM_ATTEMPTS) show('That does not match the recovery key. Try again.\n');
  }
  throw new AppFailure('INVALID_INPUT', notConfirmed, { recoveryKey: 'not confirmed' });
}
