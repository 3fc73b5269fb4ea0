// Settings → Signing keys (issue 13, part 3; docs/security.md): how the signing and seal private
// keys are protected, for every role; for administrators, their signing secret (set or change),
// unlocking signing for this session, opening or closing this computer for signing (its OS
// keychain then lets operators sign without the secret), and the escrow export (main's save
// dialog picks the file). Secrets go in, never come back; every action is audited in the vault.
// When nothing opens the keys here any more, administrators are offered their replacement.
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { SigningKeysStatus } from '../../../shared/ipc/signing-keys-contract';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { ReplaceSigningKeys, keysCannotBeOpenedHere } from '../signing/ReplaceSigningKeys';

const STATE_WORDS: Record<SigningKeysStatus['state'], string> = {
  none: 'There are no signing keys yet.',
  pending:
    'Not protected yet: no administrator has set a signing secret. Signing is refused until one does.',
  protected: 'Protected by the administrators’ signing secrets.',
};

type Props = { api: KpApi; manage: boolean };

export function SigningKeysSection({ api, manage }: Props) {
  const [status, setStatus] = useState<SigningKeysStatus | null>(null);
  const [form, setForm] = useState({ secret: '', newSecret: '', repeat: '', exportPassphrase: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (value: string) => {
    setForm({ ...form, [key]: value });
  };

  useEffect(() => {
    void callApi(() => api.identity.signingKeys({})).then((answer) => {
      if (answer.ok) setStatus(answer.value);
      else setError(answer.error);
    });
  }, [api]);

  /** Runs one action; on success shows the new status and clears the secrets typed. */
  async function act(
    call: () => ReturnType<KpApi['identity']['signingKeys']>,
    done: string,
  ): Promise<void> {
    setBusy(true);
    setError(null);
    setSuccess(null);
    const answer = await callApi(call);
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setStatus(answer.value);
    setForm({ secret: '', newSecret: '', repeat: '', exportPassphrase: '' });
    setSuccess(done);
  }

  function setSecret(event: SyntheticEvent) {
    event.preventDefault();
    if (form.newSecret !== form.repeat) {
      setError({
        code: 'INVALID_INPUT',
        message: 'The signing secret was not set: the two entries differ.',
        fields: { repeat: 'Type the same signing secret again.' },
      });
      return;
    }
    const change = status?.yourSecretSet === true;
    void act(
      () =>
        api.identity.setSigningSecret({
          secret: form.newSecret,
          ...(change ? { currentSecret: form.secret } : {}),
        }),
      change ? 'Your signing secret was changed.' : 'Your signing secret is set.',
    );
  }

  async function exportEscrow() {
    setBusy(true);
    setError(null);
    setSuccess(null);
    const answer = await callApi(() =>
      api.identity.exportEscrow({ secret: form.secret, exportPassphrase: form.exportPassphrase }),
    );
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else if (!answer.value.cancelled) {
      setForm({ ...form, secret: '', exportPassphrase: '' });
      setSuccess(
        `The signing keys were written to ${answer.value.fileName}, encrypted under the export passphrase. Keep the passphrase apart from the file.`,
      );
    }
  }

  return (
    <section className="panel" aria-labelledby="settings-signing-keys">
      <h2 id="settings-signing-keys">Signing keys</h2>
      <p>
        The keys that sign and seal certificates are kept under a key the vault passphrase does not
        open. An administrator’s signing secret opens them, or this computer once an administrator
        opened it for signing.
      </p>
      {status === null ? null : (
        <dl className="details">
          <dt>Protection</dt>
          <dd>{STATE_WORDS[status.state]}</dd>
          <dt>Signing now</dt>
          <dd>{status.message}</dd>
          <dt>Signing secrets</dt>
          <dd>
            {status.administratorsWithSecret.length === 0
              ? 'none'
              : status.administratorsWithSecret.join(', ')}
          </dd>
          <dt>Computers opened for signing</dt>
          <dd>{String(status.workstations.length)}</dd>
        </dl>
      )}
      <FormAlert error={error} success={success} />
      {!manage || status === null ? null : (
        <form onSubmit={setSecret} noValidate aria-label="Signing secret">
          <div className="field-stack">
            <TextField
              label="Your signing secret"
              hint="Needed to change it, to unlock signing, to open this computer and to export."
              type="password"
              name="secret"
              autoComplete="current-password"
              value={form.secret}
              onChange={(event) => {
                set('secret')(event.target.value);
              }}
              error={
                error?.code === 'SIGNING_SECRET_WRONG'
                  ? fieldError(error, 'secret')
                  : fieldError(error, 'currentSecret')
              }
            />
            <TextField
              label={status.yourSecretSet ? 'New signing secret' : 'Choose your signing secret'}
              hint="At least 12 characters, not your vault passphrase."
              type="password"
              name="newSecret"
              autoComplete="new-password"
              value={form.newSecret}
              onChange={(event) => {
                set('newSecret')(event.target.value);
              }}
              error={error?.code === 'INVALID_INPUT' ? fieldError(error, 'secret') : undefined}
            />
            <TextField
              label="Type it again"
              type="password"
              name="repeat"
              autoComplete="new-password"
              value={form.repeat}
              onChange={(event) => {
                set('repeat')(event.target.value);
              }}
              error={fieldError(error, 'repeat')}
            />
            <TextField
              label="Export passphrase (escrow only)"
              type="password"
              name="exportPassphrase"
              autoComplete="new-password"
              value={form.exportPassphrase}
              onChange={(event) => {
                set('exportPassphrase')(event.target.value);
              }}
              error={fieldError(error, 'exportPassphrase')}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {status.yourSecretSet ? 'Change my signing secret' : 'Set my signing secret'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(
                  () => api.identity.unlockSigning({ secret: form.secret }),
                  'Signing is open until the vault locks.',
                )
              }
            >
              Unlock signing
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(
                  () =>
                    // No secret: allowed only while the keys are pending (the core says so).
                    api.identity.openWorkstation(form.secret === '' ? {} : { secret: form.secret }),
                  'This computer is open for signing: operators sign here without the secret.',
                )
              }
            >
              Open this computer for signing
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(
                  () => api.identity.closeWorkstation({ which: 'this' }),
                  'This computer is closed for signing.',
                )
              }
            >
              Close this computer for signing
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void exportEscrow()}
            >
              Export the keys for escrow
            </button>
          </div>
        </form>
      )}
      {manage && status !== null && keysCannotBeOpenedHere(status) ? (
        <ReplaceSigningKeys
          api={api}
          onReplaced={(replaced, message) => {
            setStatus(replaced);
            setSuccess(message);
          }}
        />
      ) : null}
    </section>
  );
}
