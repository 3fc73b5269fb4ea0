// Changes the vault's passphrase: proves the current passphrase (or the recovery key, when the
// passphrase is forgotten), then atomically rewrites only the key file. The database file is not
// opened, let alone re-encrypted: the key under the new wrap is the same key.
import type { KdfCost } from './passphrase-wrap';
import { checkPassphrase } from './passphrase-wrap';
import { replaceKeyFile } from './replace-key-file';
import { unlockKey, readVaultKeyFile } from './unlock-vault';
import { changePassphrase } from './vault-keys';

export type ChangePassphraseOptions = {
  dir: string;
  newPassphrase: string;
  kdf?: KdfCost;
} & ({ currentPassphrase: string } | { recoveryKey: string });

export async function changeVaultPassphrase(options: ChangePassphraseOptions): Promise<void> {
  // The new passphrase is checked before any slow work, and before anything is read.
  checkPassphrase(options.newPassphrase, 'newPassphrase');
  const keyFile = readVaultKeyFile(options.dir);
  const key = await unlockKey(
    keyFile,
    'currentPassphrase' in options
      ? { passphrase: options.currentPassphrase }
      : { recoveryKey: options.recoveryKey },
  );
  try {
    const updated = await changePassphrase(keyFile, key, options.newPassphrase, options.kdf);
    replaceKeyFile(options.dir, keyFile, updated);
  } finally {
    key.fill(0);
  }
}
