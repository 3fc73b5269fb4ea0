// Replaces the vault's key file with a rewrapped one, but only if it is still the file the new
// wraps were made from: the slow scrypt work happens between reading and writing, and a change
// made meanwhile (another window, the CLI) would otherwise be silently lost.
import { AppFailure } from '../../app-failure';
import type { KeyFile } from './key-file';
import { writeKeyFile } from './key-file';
import { readVaultKeyFile } from './unlock-vault';
import { vaultLocation } from './vault-location';

export function replaceKeyFile(dir: string, readBefore: KeyFile, updated: KeyFile): void {
  const latest = readVaultKeyFile(dir);
  if (JSON.stringify(latest) !== JSON.stringify(readBefore))
    throw new AppFailure(
      'CONFLICT',
      'The vault key file changed while this change was being prepared. Nothing was changed; try again.',
    );
  writeKeyFile(vaultLocation(dir).keyFilePath, updated);
}
