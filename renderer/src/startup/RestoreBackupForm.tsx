// The unlock screen's secondary action: restore the vault from a backup file. Main's open dialog
// picks the file; it is opened with the passphrase (or recovery key) the vault had when the backup
// was made, and everything is checked before the current vault is replaced. The current vault is
// kept beside it, never deleted. Afterwards the vault is locked again: back to unlocking.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { TaskProgressBar } from '../shell/form/TaskProgressBar';
import { useTaskProgress } from '../shell/use-task-progress';

type Props = {
  api: KpApi;
  /** Back to unlocking, with what to tell the user (null: nothing happened). */
  onDone: (notice: string | null) => void;
};

export function RestoreBackupForm({ api, onDone }: Props) {
  const [mode, setMode] = useState<'passphrase' | 'recoveryKey'>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const progress = useTaskProgress(api, busy);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setSuccess(null);
    if (secret.trim() === '') {
      const message =
        mode === 'passphrase'
          ? 'Enter the passphrase the vault had when the backup was made.'
          : 'Enter the recovery key.';
      setError({ code: 'INVALID_INPUT', message, fields: { [mode]: message } });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() =>
      api.vault.restore(mode === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret }),
    );
    setBusy(false);
    if (!answer.ok) {
      // A wrong secret is shown at its field too, not only in the form's announcement.
      setError(
        answer.error.code === 'VAULT_KEY_INVALID' && answer.error.fields === undefined
          ? { ...answer.error, fields: { [mode]: answer.error.message } }
          : answer.error,
      );
      return;
    }
    const result = answer.value;
    if (result.cancelled) {
      setSuccess('No backup file was chosen: nothing was changed.');
      return;
    }
    const made = new Date(result.createdAt);
    const when = Number.isNaN(made.getTime()) ? result.createdAt : made.toUTCString();
    const kept =
      result.previousVaultPath === null
        ? ''
        : ` The vault it replaced was kept at ${result.previousVaultPath}.`;
    onDone(
      `The backup made ${when} was restored.${kept} Unlock it with the passphrase it had then.`,
    );
  }

  return (
    <section className="panel" aria-labelledby="restore-backup">
      <h2 id="restore-backup">Restore from a backup</h2>
      <p>
        You will choose a backup file next. Everything in it is checked before anything changes. The
        current vault is not deleted: it is kept beside the restored one, so nothing is lost.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Restore from a backup">
        {mode === 'passphrase' ? (
          <TextField
            key="passphrase"
            label="Passphrase of the backup"
            type="password"
            name="passphrase"
            autoComplete="off"
            hint="The vault passphrase as it was when the backup was made (it may differ from today's)."
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
            hint="The key written down when the vault was created, starting with KPR-."
            value={secret}
            onChange={(event) => {
              setSecret(event.target.value);
            }}
            error={fieldError(error, 'recoveryKey')}
          />
        )}
        <FormAlert error={error} success={success} />
        {busy ? <TaskProgressBar label="Restore progress" progress={progress} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Choose the backup and restore
          </button>
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => {
              setMode(mode === 'passphrase' ? 'recoveryKey' : 'passphrase');
              setSecret('');
              setError(null);
            }}
          >
            {mode === 'passphrase' ? 'Use the recovery key instead' : 'Use the passphrase instead'}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              onDone(null);
            }}
          >
            Back to unlocking
          </button>
        </div>
      </form>
    </section>
  );
}
