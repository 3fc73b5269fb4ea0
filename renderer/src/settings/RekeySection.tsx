// Settings → Re-encrypt the vault (issue 13, part 4; docs/security.md "Re-keying"). Changing the
// passphrase or replacing the recovery key rewraps the same database key, so an old recovery key
// with an old key file (inside every backup) still opens today's vault. Re-encrypting puts the
// whole vault under a new random key with a new recovery key: the old secrets and key files then
// open nothing. Offered after a recovery-key rotation and when a person or a computer leaves.
// Old backups keep their old key: whoever has one and its passphrase or recovery key reads the
// records as they were then (said below). Administrators only (main checks the role again).
import { useContext, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { TaskProgress } from '../../../shared/records/task-progress';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { TaskProgressBar } from '../shell/form/TaskProgressBar';
import { useTaskProgress } from '../shell/use-task-progress';
import { RekeyHandoffContext } from './rekey-handoff';

export const REKEY_PASSPHRASE_ID = 'settings-rekey-passphrase';

const PHASES = ['wrap', 'rekey', 'record'] as const;

/** The rekey's three phases as one bar: each phase is a third of the way. */
function overall(progress: TaskProgress | null): TaskProgress | null {
  if (progress?.operation !== 'rekey') return null;
  const index = PHASES.findIndex((phase) => phase === progress.phase);
  if (index < 0) return null;
  const within = progress.total === 0 ? 0 : progress.done / progress.total;
  return { ...progress, done: Math.round((index + within) * 100), total: 300 };
}

export function RekeySection({ api }: { api: KpApi }) {
  const handoff = useContext(RekeyHandoffContext);
  const [currentPassphrase, setCurrentPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [shownKey, setShownKey] = useState<string | null>(null);
  const progress = overall(useTaskProgress(api, busy));

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (currentPassphrase === '') {
      setError({
        code: 'INVALID_INPUT',
        message: 'The vault was not re-encrypted: see the field marked below.',
        fields: { currentPassphrase: 'Enter the current passphrase.' },
      });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.vault.rekey({ currentPassphrase }));
    setBusy(false);
    setCurrentPassphrase('');
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    // The vault is locked now: the shell takes the key to show after the unlock.
    if (handoff !== null) handoff(answer.value.recoveryKey, answer.value.status);
    else setShownKey(answer.value.recoveryKey);
  }

  return (
    <section className="panel" aria-labelledby="settings-rekey">
      <h2 id="settings-rekey">Re-encrypt the vault</h2>
      <p>
        Re-encrypt the vault after you replaced the recovery key, and when a person who knew the
        passphrase or the recovery key leaves, or a computer that held the vault is gone. The vault
        gets a new encryption key and a new recovery key, shown once; the old recovery key and every
        old copy of the key file stop opening it. The passphrase stays as it is (change it too if
        the person knew it).
      </p>
      <p className="notice notice--warning">
        Backups made before keep the old key: each still opens with the passphrase or recovery key
        it was made with. Make a new backup afterwards, and destroy old ones you no longer need.
      </p>
      {shownKey !== null ? (
        <p role="status" className="form-alert form-alert--ok">
          The vault is re-encrypted and locked. New recovery key (shown once, write it down):{' '}
          <code>{shownKey}</code>
        </p>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate aria-label="Re-encrypt the vault">
          <TextField
            id={REKEY_PASSPHRASE_ID}
            label="Vault passphrase"
            hint="Proves it is you. The vault locks when it is done; unlock it with this passphrase."
            type="password"
            name="currentPassphrase"
            autoComplete="current-password"
            value={currentPassphrase}
            onChange={(event) => {
              setCurrentPassphrase(event.target.value);
            }}
            error={fieldError(error, 'currentPassphrase')}
          />
          <FormAlert error={error} />
          {busy ? <TaskProgressBar label="Re-encrypting the vault" progress={progress} /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Re-encrypt the vault
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
