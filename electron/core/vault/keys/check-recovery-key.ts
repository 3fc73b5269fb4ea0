// First run shows the recovery key once; the user proves they wrote it down by typing it back.
// The typed key is checked the only way that proves it opens the vault: by unwrapping the vault's
// key with it (the key itself is stored nowhere in clear, so there is nothing to compare with).
import { AppFailure } from '../../app-failure';
import { readKeyFile } from './key-file';
import { unlockWithRecoveryKey } from './vault-keys';
import { vaultLocation } from './vault-location';

export async function checkRecoveryKey(dir: string, recoveryKey: string): Promise<void> {
  const keyFile = readKeyFile(vaultLocation(dir).keyFilePath);
  let key: Buffer;
  try {
    key = await unlockWithRecoveryKey(keyFile, recoveryKey);
  } catch (error: unknown) {
    if (error instanceof AppFailure && error.error.code === 'VAULT_KEY_INVALID') {
      const message =
        'This is not the recovery key of this vault. Check each group against the key you wrote down.';
      throw new AppFailure('VAULT_KEY_INVALID', message, { recoveryKey: message });
    }
    throw error;
  }
  key.fill(0);
}
