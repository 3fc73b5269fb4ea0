// What a form that opens a vault (unlock, restore a backup) does with the typed secret: the
// channels' input for it, and its errors at the field VaultSecretField shows.
import type { AppError } from '../../../../shared/errors';

export type VaultSecretMode = 'passphrase' | 'recoveryKey';

/** The vault channels' input for the typed secret. */
export function vaultSecretInput(
  mode: VaultSecretMode,
  secret: string,
): { passphrase: string } | { recoveryKey: string } {
  return mode === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret };
}

/** An empty secret, refused before asking main: said in the form and at the field. */
export function missingSecret(mode: VaultSecretMode, message: string): AppError {
  return { code: 'INVALID_INPUT', message, fields: { [mode]: message } };
}

/** A wrong secret is shown at its field too, not only in the form's announcement. */
export function keyErrorAtField(error: AppError, mode: VaultSecretMode): AppError {
  return error.code === 'VAULT_KEY_INVALID' && error.fields === undefined
    ? { ...error, fields: { [mode]: error.message } }
    : error;
}
