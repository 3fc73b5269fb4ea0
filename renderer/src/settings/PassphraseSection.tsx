// Settings → Vault passphrase. Only an administrator changes it (main checks); the vault's data
// is not rewritten, only its key is wrapped again under the new passphrase (scrypt, a few
// seconds). The recovery key stays valid.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { NewPassphraseFields, newPassphraseProblems } from '../shell/form/NewPassphraseFields';

export function PassphraseSection({ api }: { api: KpApi }) {
  const empty = { currentPassphrase: '', newPassphrase: '', repeat: '' };
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (value: string) => {
    setForm({ ...form, [key]: value });
  };
  const entries = {
    passphrase: {
      label: 'New passphrase',
      name: 'newPassphrase',
      value: form.newPassphrase,
      onValueChange: set('newPassphrase'),
    },
    repeat: {
      label: 'Type the new passphrase again',
      name: 'repeat',
      value: form.repeat,
      onValueChange: set('repeat'),
    },
  };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setSuccess(null);
    const fields = newPassphraseProblems(entries);
    if (form.currentPassphrase === '') fields.currentPassphrase = 'Enter the current passphrase.';
    if (Object.keys(fields).length > 0) {
      setError({
        code: 'INVALID_INPUT',
        message: 'The passphrase was not changed: see the fields marked below.',
        fields,
      });
      return;
    }
    setBusy(true);
    setError(null);
    const { currentPassphrase, newPassphrase } = form;
    const answer = await callApi(() =>
      api.vault.changePassphrase({ currentPassphrase, newPassphrase }),
    );
    setBusy(false);
    if (!answer.ok) {
      setError(
        answer.error.code === 'VAULT_KEY_INVALID'
          ? { ...answer.error, fields: { currentPassphrase: answer.error.message } }
          : answer.error,
      );
      return;
    }
    setForm(empty);
    setSuccess('The vault passphrase was changed. Use the new one from now on.');
  }

  return (
    <section className="panel" aria-labelledby="settings-passphrase">
      <h2 id="settings-passphrase">Vault passphrase</h2>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Change the passphrase">
        {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
        <FormAlert error={error} success={success} />
        <div className="field-stack">
          <TextField
            label="Current passphrase"
            type="password"
            name="currentPassphrase"
            autoComplete="current-password"
            value={form.currentPassphrase}
            onChange={(event) => {
              set('currentPassphrase')(event.target.value);
            }}
            error={fieldError(error, 'currentPassphrase')}
          />
          <NewPassphraseFields {...entries} error={error} />
        </div>
        {busy ? <BusyNote label="Wrapping the vault key under the new passphrase" /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Change the passphrase
          </button>
        </div>
      </form>
    </section>
  );
}
