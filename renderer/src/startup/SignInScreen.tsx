// The vault is open and nobody is signed in: each person signs in with their own username and
// password, so every record change carries who made it (the audit trail).
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { GateLayout } from './GateLayout';

type Props = {
  api: KpApi;
  notice: string | null;
  onSignedIn: (status: VaultStatus) => void;
  onLocked: (status: VaultStatus) => void;
};

export function SignInScreen({ api, notice, onSignedIn, onLocked }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (username.trim() === '') fields.username = 'Enter your username.';
    if (password === '') fields.password = 'Enter your password.';
    if (Object.keys(fields).length > 0) {
      setError({ code: 'INVALID_INPUT', message: 'Enter your username and password.', fields });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.session.signIn({ username: username.trim(), password }));
    setBusy(false);
    if (answer.ok) onSignedIn(answer.value);
    else setError(answer.error);
  }

  async function lock() {
    const answer = await callApi(() => api.vault.lock({}));
    if (answer.ok) onLocked(answer.value);
    else setError(answer.error);
  }

  return (
    <GateLayout title="Sign in" intro={<p>Sign in with your own username and password.</p>}>
      {notice === null ? null : (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Sign in">
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(event) => {
            setUsername(event.target.value);
          }}
          error={fieldError(error, 'username')}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
          error={fieldError(error, 'password')}
        />
        <FormAlert error={error} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Sign in
          </button>
          <button type="button" className="button" onClick={() => void lock()}>
            Lock the vault
          </button>
        </div>
      </form>
    </GateLayout>
  );
}
