// Settings → This computer (every role): whether this computer's keychain keeps the vault key
// (vault:status rememberedOnThisComputer), with the matching action, as on the unlock screen:
// "Remember on this computer" proved by the vault passphrase (vault:rememberOnThisComputer), or
// "Stop remembering" (vault:forgetOnThisComputer). Where there is no keychain (the preview) or
// only a weak one, main refuses with KEY_UNAVAILABLE and a plain message, shown here as it comes.
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { keyErrorAtField, missingSecret } from '../shell/form/vault-secret';

const EVERYONE_SIGNS_IN =
  'Everyone still signs in with their own user name and password, whichever way the vault opens.';

function StateText({ remembered }: { remembered: boolean }) {
  return remembered ? (
    <p data-testid="this-computer-state">
      <strong>This computer remembers the vault key.</strong> Its keychain keeps the key, and KP
      Desk opens the vault by itself when it starts: anyone who can use this computer account can
      open the vault without the passphrase. {EVERYONE_SIGNS_IN}
    </p>
  ) : (
    <p data-testid="this-computer-state">
      <strong>This computer does not remember the vault key.</strong> KP Desk asks for the vault
      passphrase when it starts. If you remember it here, this computer&apos;s keychain keeps the
      key and anyone who can use this computer account can then open the vault without the
      passphrase: choose this only on an account that is yours alone. {EVERYONE_SIGNS_IN}
    </p>
  );
}

export function ThisComputerSection({ api }: { api: KpApi }) {
  const [remembered, setRemembered] = useState<boolean | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void callApi(() => api.vault.status({})).then((answer) => {
      if (!current) return;
      if (answer.ok) setRemembered(answer.value.rememberedOnThisComputer);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  async function remember(event: SyntheticEvent) {
    event.preventDefault();
    setSuccess(null);
    if (passphrase === '') {
      setError(missingSecret('passphrase', 'Enter the vault passphrase.'));
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.vault.rememberOnThisComputer({ passphrase }));
    setBusy(false);
    setPassphrase('');
    if (!answer.ok) {
      setError(keyErrorAtField(answer.error, 'passphrase'));
      return;
    }
    setRemembered(answer.value.rememberedOnThisComputer);
    const backend = answer.value.backend === null ? '' : ` (${answer.value.backend})`;
    setSuccess(`This computer's keychain${backend} now keeps the vault key.`);
  }

  async function forget() {
    setSuccess(null);
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.vault.forgetOnThisComputer({}));
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setRemembered(answer.value.rememberedOnThisComputer);
    setSuccess(
      'This computer no longer keeps the vault key: KP Desk will ask for the passphrase when it starts.',
    );
  }

  // One form and one announcement for both states, so the outcome of remembering or forgetting
  // is read out although the field and the button change with it.
  return (
    <section className="panel" aria-labelledby="settings-this-computer">
      <h2 id="settings-this-computer">This computer</h2>
      {remembered === null ? null : <StateText remembered={remembered} />}
      <form
        onSubmit={(event) => void remember(event)}
        noValidate
        aria-label="Remember the vault key on this computer"
      >
        {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
        <FormAlert error={error} success={success} />
        {remembered === false ? (
          <TextField
            label="Vault passphrase"
            hint="Proves it is you. The passphrase itself stays as it is and still opens the vault."
            type="password"
            name="passphrase"
            autoComplete="current-password"
            value={passphrase}
            onChange={(event) => {
              setPassphrase(event.target.value);
            }}
            error={fieldError(error, 'passphrase')}
          />
        ) : null}
        {busy ? (
          <BusyNote
            label={
              remembered === true ? 'Removing the key from the keychain' : 'Checking the passphrase'
            }
          />
        ) : null}
        <div className="form-actions">
          {remembered === false ? (
            <button type="submit" className="button button--primary" disabled={busy}>
              Remember on this computer
            </button>
          ) : null}
          {remembered === true ? (
            <button type="button" className="button" disabled={busy} onClick={() => void forget()}>
              Stop remembering
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
