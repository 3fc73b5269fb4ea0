// The unlock screen's secondary action: restore the vault from a backup file. Main's open dialog
// picks the file; it is opened with the passphrase (or recovery key) the vault had when the backup
// was made, and everything is checked before the current vault is replaced. Replacing the vault
// needs its current passphrase too (by default the backup's is tried); a backup of another vault,
// or one that drops audit events, needs the confirmation main names (RESTORE_NOT_CONFIRMED),
// typed here in so many words. The current vault is kept beside it, never deleted. Afterwards
// the vault is locked again: back to unlocking.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { useFormat } from '../format/use-format';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { TaskProgressBar } from '../shell/form/TaskProgressBar';
import { keyErrorAtField, missingSecret, vaultSecretInput } from '../shell/form/vault-secret';
import type { VaultSecretMode } from '../shell/form/vault-secret';
import { SecretModeSwitch, VaultSecretField } from '../shell/form/VaultSecretField';
import { useTaskProgress } from '../shell/use-task-progress';

type Props = {
  api: KpApi;
  /** Back to unlocking, with what to tell the user (null: nothing happened). */
  onDone: (notice: string | null) => void;
};

export function RestoreBackupForm({ api, onDone }: Props) {
  const format = useFormat();
  const [mode, setMode] = useState<VaultSecretMode>('passphrase');
  const [secret, setSecret] = useState('');
  const [currentPassphrase, setCurrentPassphrase] = useState('');
  /** The confirmations main asked for (field → what to type), once it refused without them. */
  const [needed, setNeeded] = useState<Record<string, string>>({});
  const [dropEvents, setDropEvents] = useState('');
  const [replaceOtherVault, setReplaceOtherVault] = useState('');
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
      setError(missingSecret(mode, message));
      return;
    }
    setBusy(true);
    setError(null);
    const input = {
      ...vaultSecretInput(mode, secret),
      ...(currentPassphrase === '' ? {} : { currentPassphrase }),
      ...(needed.dropEvents === undefined || !/^\d{1,15}$/.test(dropEvents.trim())
        ? {}
        : { dropEvents: Number(dropEvents.trim()) }),
      ...(needed.replaceOtherVault === undefined || replaceOtherVault.trim() === ''
        ? {}
        : { replaceOtherVault: replaceOtherVault.trim() }),
    };
    const answer = await callApi(() => api.vault.restore(input));
    setBusy(false);
    if (!answer.ok) {
      if (answer.error.code === 'RESTORE_NOT_CONFIRMED') setNeeded(answer.error.fields ?? {});
      setError(keyErrorAtField(answer.error, mode));
      return;
    }
    const result = answer.value;
    if (result.cancelled) {
      setSuccess('No backup file was chosen: nothing was changed.');
      return;
    }
    const when = format.timestamp(result.createdAt);
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
        <VaultSecretField
          mode={mode}
          value={secret}
          onValueChange={setSecret}
          error={error}
          passphrase={{
            label: 'Passphrase of the backup',
            autoComplete: 'off',
            hint: "The vault passphrase as it was when the backup was made (it may differ from today's).",
          }}
          recoveryKeyHint="The key written down when the vault was created, starting with KPR-."
        />
        <TextField
          name="currentPassphrase"
          label="Passphrase of the current vault (if it differs)"
          type="password"
          autoComplete="off"
          hint="Replacing the vault needs its passphrase today. Leave empty when it is the backup's."
          value={currentPassphrase}
          onChange={(event) => {
            setCurrentPassphrase(event.target.value);
          }}
        />
        {needed.dropEvents === undefined ? null : (
          <TextField
            name="dropEvents"
            label="Audit events the restore drops (type the number)"
            inputMode="numeric"
            autoComplete="off"
            hint={needed.dropEvents}
            value={dropEvents}
            onChange={(event) => {
              setDropEvents(event.target.value);
            }}
          />
        )}
        {needed.replaceOtherVault === undefined ? null : (
          <TextField
            name="replaceOtherVault"
            label="Vault replaced by another vault's backup (type its id)"
            autoComplete="off"
            spellCheck={false}
            hint={needed.replaceOtherVault}
            value={replaceOtherVault}
            onChange={(event) => {
              setReplaceOtherVault(event.target.value);
            }}
          />
        )}
        <FormAlert error={error} success={success} />
        {busy ? <TaskProgressBar label="Restore progress" progress={progress} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Choose the backup and restore
          </button>
          <SecretModeSwitch
            mode={mode}
            disabled={busy}
            toRecoveryKey="Use the recovery key instead"
            onSwitch={(next) => {
              setMode(next);
              setSecret('');
              setError(null);
            }}
          />
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
