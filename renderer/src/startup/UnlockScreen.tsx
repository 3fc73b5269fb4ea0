// The vault is locked (at start, or after auto-lock): unlock it with the passphrase, or with the
// recovery key when the passphrase is lost. Both are checked in main (scrypt, about a second).
// A secondary action restores the vault from a backup file (RestoreBackupForm).
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { GateLayout } from './GateLayout';
import { RestoreBackupForm } from './RestoreBackupForm';

type Props = {
  api: KpApi;
  notice: string | null;
  onUnlocked: (status: VaultStatus) => void;
};

export function UnlockScreen({ api, notice, onUnlocked }: Props) {
  const [mode, setMode] = useState<'passphrase' | 'recoveryKey'>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState<string | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (secret.trim() === '') {
      const label = mode === 'passphrase' ? 'passphrase' : 'recovery key';
      setError({
        code: 'INVALID_INPUT',
        message: `Enter the ${label}.`,
        fields: { [mode]: `Enter the ${label}.` },
      });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() =>
      api.vault.unlock(mode === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret }),
    );
    setBusy(false);
    if (answer.ok) onUnlocked(answer.value);
    // A wrong secret is shown at its field too, not only in the form's announcement.
    else
      setError(
        answer.error.code === 'VAULT_KEY_INVALID' && answer.error.fields === undefined
          ? { ...answer.error, fields: { [mode]: answer.error.message } }
          : answer.error,
      );
  }

  return (
    <GateLayout
      title="Unlock the vault"
      intro={
        <p>
          Your certificates and records are kept encrypted on this computer. Enter the vault
          passphrase to open them.
        </p>
      }
    >
      {notice === null ? null : (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p className="notice" role="status" hidden={restored === null}>
        {restored}
      </p>
      {restoring ? (
        <RestoreBackupForm
          api={api}
          onDone={(message) => {
            setRestoring(false);
            setRestored(message);
          }}
        />
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate aria-label="Unlock the vault">
          {mode === 'passphrase' ? (
            <TextField
              key="passphrase"
              label="Vault passphrase"
              type="password"
              name="passphrase"
              autoComplete="current-password"
              value={secret}
              onChange={(event) => {
                setSecret(event.target.value);
              }}
              error={fieldError(error, 'passphrase')}
            />
          ) : (
            <TextField
              key="recoveryKey"
              label="Recovery key"
              name="recoveryKey"
              autoComplete="off"
              spellCheck={false}
              hint="The key you printed or wrote down when the vault was created, starting with KPR-. Case, spaces and dashes do not matter."
              value={secret}
              onChange={(event) => {
                setSecret(event.target.value);
              }}
              error={fieldError(error, 'recoveryKey')}
            />
          )}
          <FormAlert error={error} />
          {busy ? <BusyNote label="Checking the key" /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Unlock
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setMode(mode === 'passphrase' ? 'recoveryKey' : 'passphrase');
                setSecret('');
                setError(null);
              }}
            >
              {mode === 'passphrase'
                ? 'I lost the passphrase: use the recovery key'
                : 'Use the passphrase instead'}
            </button>
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => {
                setRestoring(true);
                setRestored(null);
                setError(null);
              }}
            >
              Restore from a backup
            </button>
          </div>
        </form>
      )}
    </GateLayout>
  );
}
