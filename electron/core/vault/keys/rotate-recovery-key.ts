// Replaces the vault's recovery key (e.g. when the paper it was written on may have been seen):
// the current passphrase proves the caller, a new recovery key wraps the same database key, and
// the key file is rewritten with the new recovery wrap in place of the old one. The database is
// not re-encrypted; the old recovery key opens nothing any more (a backup made before keeps its
// own copy of the old key file, and so still opens with the old key).
//
// `record` runs the replacement inside the vault's transaction that records it (audited): the key
// file is renamed into place last, so a failure before leaves both as they were. If the commit
// itself failed after the rename, the new key file would stand unrecorded and its key unseen: the
// passphrase still opens the vault, and the administrator replaces the recovery key again.
import { AppFailure } from '../../app-failure';
import type { KdfCost } from './passphrase-wrap';
import { replaceKeyFile } from './replace-key-file';
import { readVaultKeyFile } from './unlock-vault';
import { replaceRecoveryKey, unlockWithPassphrase } from './vault-keys';

export type RotateRecoveryKeyOptions = {
  dir: string;
  currentPassphrase: string;
  kdf?: KdfCost;
  /** Records the replacement and calls `replace` inside the same transaction. */
  record: (replace: () => void) => void;
};

/** The new recovery key, to be shown once and typed back (vault:confirmRecoveryKey). */
export async function rotateVaultRecoveryKey(options: RotateRecoveryKeyOptions): Promise<string> {
  const keyFile = readVaultKeyFile(options.dir);
  let key: Buffer;
  try {
    key = await unlockWithPassphrase(keyFile, options.currentPassphrase);
  } catch (error: unknown) {
    if (error instanceof AppFailure && error.error.code === 'VAULT_KEY_INVALID') {
      const message = 'The passphrase is not correct. The recovery key was not changed.';
      throw new AppFailure('VAULT_KEY_INVALID', message, { currentPassphrase: message });
    }
    throw error;
  }
  try {
    const replaced = await replaceRecoveryKey(keyFile, key, options.kdf);
    options.record(() => {
      replaceKeyFile(options.dir, keyFile, replaced.keyFile);
    });
    return replaced.recoveryKey;
  } finally {
    key.fill(0);
  }
}
