// Settings → Recovery key. An administrator replaces the recovery key (e.g. when the paper it was
// written on may have been seen): the current passphrase proves it, main wraps the vault's key
// under a new recovery key (the data is not re-encrypted) and the old key opens nothing any more.
// The new key is shown once, exactly as at first run (RecoveryKeyStep: copy, print, type back);
// the records stay closed until it is typed back, so the step stays on screen until then.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { RecoveryKeyStep } from '../startup/first-run/RecoveryKeyStep';
import { REKEY_PASSPHRASE_ID } from './RekeySection';

export function RecoveryKeySection({ api }: { api: KpApi }) {
  const [currentPassphrase, setCurrentPassphrase] = useState('');
  const [newKey, setNewKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  // After a rotation: the old key files (in every backup) still open the vault until it is
  // re-encrypted, so that is offered next (RekeySection, just below).
  const [offerRekey, setOfferRekey] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setSuccess(null);
    if (currentPassphrase === '') {
      const rule = 'Enter the current passphrase.';
      setError({
        code: 'INVALID_INPUT',
        message: 'The recovery key was not replaced: see the field marked below.',
        fields: { currentPassphrase: rule },
      });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.vault.rotateRecoveryKey({ currentPassphrase }));
    setBusy(false);
    setCurrentPassphrase('');
    if (answer.ok) setNewKey(answer.value.recoveryKey);
    else setError(answer.error);
  }

  return (
    <section className="panel" aria-labelledby="settings-recovery-key">
      <h2 id="settings-recovery-key">Recovery key</h2>
      {newKey !== null ? (
        <>
          <p className="notice">
            The old recovery key no longer opens the vault. Until you type the new one back, the
            records stay closed.
          </p>
          <RecoveryKeyStep
            api={api}
            recoveryKey={newKey}
            onConfirmed={() => {
              setNewKey(null);
              setSuccess(
                'The new recovery key is confirmed. Destroy the old one: it opens nothing any more.',
              );
              setOfferRekey(true);
            }}
          />
        </>
      ) : (
        <form
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-label="Replace the recovery key"
        >
          {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
          <FormAlert error={error} success={success} />
          <p>
            Replace the recovery key if the one you wrote down may have been seen or lost. The vault
            gets a new key, shown once; the old one stops working. Backups made before keep opening
            with the old key.
          </p>
          <TextField
            label="Vault passphrase"
            hint="Proves it is you. The passphrase itself stays as it is."
            type="password"
            name="currentPassphrase"
            autoComplete="current-password"
            value={currentPassphrase}
            onChange={(event) => {
              setCurrentPassphrase(event.target.value);
            }}
            error={fieldError(error, 'currentPassphrase')}
          />
          {offerRekey ? (
            <p className="notice">
              The old recovery key still opens copies of the vault’s key file, which every backup
              holds. To shut it out completely, re-encrypt the vault.{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  document.getElementById(REKEY_PASSPHRASE_ID)?.focus();
                }}
              >
                Re-encrypt the vault now
              </button>
            </p>
          ) : null}
          {busy ? <BusyNote label="Wrapping the vault key under a new recovery key" /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Make a new recovery key
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
