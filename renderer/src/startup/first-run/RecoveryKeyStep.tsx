// Step 2: the recovery key, shown once. It opens the vault when the passphrase is forgotten, and
// KP Desk never shows it again, so the user writes it down (or prints it) and proves it by typing
// it back; main checks it against the vault (vault:confirmRecoveryKey) and keeps the records
// closed until then. When setup resumes after a restart, only the typing back is left.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import type { KpApi } from '../../../../shared/ipc/api';
import type { VaultStatus } from '../../../../shared/records/record-outputs';
import { callApi } from '../../shell/call-api';
import { BusyNote } from '../../shell/form/BusyNote';
import { fieldError } from '../../shell/form/field-errors';
import { FormAlert } from '../../shell/form/FormAlert';
import { TextField } from '../../shell/form/FormField';
import { recoveryKeysMatch } from './recovery-key-match';

type Props = {
  api: KpApi;
  /** null when setup resumed: the key cannot be shown again. */
  recoveryKey: string | null;
  onConfirmed: (status: VaultStatus) => void;
};

export function RecoveryKeyStep({ api, recoveryKey, onConfirmed }: Props) {
  const [typed, setTyped] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function copy() {
    if (recoveryKey === null) return;
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied('Copied. Paste it where you keep it safe, then clear the clipboard.');
    } catch {
      setCopied('Copying is not allowed here: write the key down by hand instead.');
    }
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const rule =
      'Type the recovery key exactly as shown, group by group (case and dashes do not matter).';
    if (typed.trim() === '' || (recoveryKey !== null && !recoveryKeysMatch(recoveryKey, typed))) {
      setError({
        code: 'INVALID_INPUT',
        message: 'The recovery key you typed does not match the one shown.',
        fields: { recoveryKey: rule },
      });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.vault.confirmRecoveryKey({ recoveryKey: typed }));
    setBusy(false);
    if (answer.ok) onConfirmed(answer.value);
    else setError(answer.error);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Confirm the recovery key">
      {recoveryKey === null ? (
        <>
          <p>
            This vault&apos;s recovery key was never confirmed. It was shown once, when the vault
            was created or when an administrator last replaced it, and KP Desk cannot show it again.
            Type it back from where you wrote it down; the records stay closed until you do.
          </p>
          <p className="note">
            Lost it? An administrator can make a new one with the passphrase, from the command line:{' '}
            <code>kpdesk recovery-key rotate --user</code> followed by the administrator&apos;s
            username.
          </p>
        </>
      ) : (
        <>
          <p>
            If the passphrase is ever forgotten, this <strong>recovery key</strong> is the only way
            to open the vault. KP Desk shows it <strong>now, once</strong>, and cannot show it
            again.
          </p>
          <p className="recovery-key" data-testid="recovery-key" aria-label="Your recovery key">
            <code>{recoveryKey}</code>
          </p>
          <ul className="advice">
            <li>
              Write it on paper, or print this page, and keep it locked away from the computer.
            </li>
            <li>Do not keep it in an e-mail or an unencrypted file on this computer.</li>
            <li>Anyone with this key and the vault file can read your records.</li>
          </ul>
          <div className="form-actions form-actions--start">
            <button type="button" className="button" onClick={() => void copy()}>
              Copy the key
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                window.print();
              }}
            >
              Print this page
            </button>
          </div>
          <p role="status" className="note">
            {copied ?? ''}
          </p>
        </>
      )}
      <TextField
        label="Type the recovery key back"
        name="recoveryKey"
        autoComplete="off"
        spellCheck={false}
        hint="This proves you have it written down correctly. Case, spaces and dashes do not matter."
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
        }}
        error={fieldError(error, 'recoveryKey')}
      />
      <FormAlert error={error} />
      {busy ? <BusyNote label="Checking the recovery key against the vault" /> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          I have written it down: continue
        </button>
      </div>
    </form>
  );
}
