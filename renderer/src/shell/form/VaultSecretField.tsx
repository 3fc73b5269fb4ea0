// The one field that opens a vault: the passphrase, or the recovery key when the passphrase is lost
// (the unlock screen and restoring a backup). The caller owns the mode and the typed secret; this
// shows the right field (remounted on a mode change, so nothing typed carries over) with the
// error main or the form put at that field's name.
import type { AppError } from '../../../../shared/errors';
import { fieldError } from './field-errors';
import { TextField } from './FormField';
import type { VaultSecretMode } from './vault-secret';

type Props = {
  mode: VaultSecretMode;
  value: string;
  onValueChange: (value: string) => void;
  error: AppError | null;
  passphrase: { label: string; autoComplete: string; hint?: string };
  recoveryKeyHint: string;
};

export function VaultSecretField({
  mode,
  value,
  onValueChange,
  error,
  passphrase,
  recoveryKeyHint,
}: Props) {
  const shared = {
    name: mode,
    value,
    onChange: (event: { target: { value: string } }) => {
      onValueChange(event.target.value);
    },
    error: fieldError(error, mode),
  };
  return mode === 'passphrase' ? (
    <TextField key={mode} {...shared} {...passphrase} type="password" />
  ) : (
    <TextField
      key={mode}
      {...shared}
      label="Recovery key"
      autoComplete="off"
      spellCheck={false}
      hint={recoveryKeyHint}
    />
  );
}

/** The link that switches between the passphrase and the recovery key; the caller clears what
 * was typed and any error in onSwitch. */
export function SecretModeSwitch({
  mode,
  onSwitch,
  toRecoveryKey,
  disabled = false,
}: {
  mode: VaultSecretMode;
  onSwitch: (mode: VaultSecretMode) => void;
  /** The words that offer the recovery key (the way back always says "Use the passphrase instead"). */
  toRecoveryKey: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="link-button"
      disabled={disabled}
      onClick={() => {
        onSwitch(mode === 'passphrase' ? 'recoveryKey' : 'passphrase');
      }}
    >
      {mode === 'passphrase' ? toRecoveryKey : 'Use the passphrase instead'}
    </button>
  );
}
