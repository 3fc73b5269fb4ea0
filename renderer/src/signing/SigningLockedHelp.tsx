// Where certificates are signed (the wizard's last step, a certificate's documents): says plainly
// when signing is locked and leads to the fix (issue 13, part 3; docs/security.md "Signing
// keys"). After a restart the keys open only on a computer an administrator opened for signing,
// or with an administrator's signing secret; signing elsewhere answers SIGNING_LOCKED. An
// administrator with a secret unlocks right here; anyone else is told who can and where. When
// nothing opens the keys any more, an administrator may replace them here (ReplaceSigningKeys).
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { SigningKeysStatus } from '../../../shared/ipc/signing-keys-contract';
import type { Route } from '../navigation';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { canManageKeys } from '../shell/permissions';
import { ReplaceSigningKeys, keysCannotBeOpenedHere } from './ReplaceSigningKeys';

type Props = {
  api: KpApi;
  /** After signing was unlocked here (e.g. to sign again what was refused). */
  onUnlocked?: () => void;
  /** To open Settings → Signing keys; without it the way there is said in words. */
  navigate?: (to: Route) => void;
  /** False where the refusal itself is already shown with the same words (no echo). */
  showMessage?: boolean;
};

export function SigningLockedHelp({ api, onUnlocked, navigate, showMessage = true }: Props) {
  const [status, setStatus] = useState<SigningKeysStatus | null>(null);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [administrator, setAdministrator] = useState(false);
  const [replaced, setReplaced] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void callApi(() => api.identity.signingKeys({})).then((answer) => {
      if (current && answer.ok) setStatus(answer.value);
    });
    void callApi(() => api.vault.status({})).then((answer) => {
      const role = answer.ok ? answer.value.user?.role : undefined;
      if (current) setAdministrator(role !== undefined && canManageKeys(role));
    });
    return () => {
      current = false;
    };
  }, [api]);

  async function unlock(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.identity.unlockSigning({ secret }));
    setBusy(false);
    setSecret('');
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setStatus(answer.value);
    onUnlocked?.();
  }

  // Signing works again after a replacement: the next step (protect the new keys) stays said.
  if (replaced !== null && status?.canSign === true)
    return (
      <p className="notice notice--ok" role="status" data-testid="signing-keys-replaced">
        {replaced}
      </p>
    );
  if (status === null || status.canSign || status.state === 'none') return null;
  return (
    <section
      className="notice notice--warning signing-locked"
      aria-labelledby="signing-locked-title"
      data-testid="signing-locked"
    >
      <h3 id="signing-locked-title">Signing is locked</h3>
      {showMessage ? <p>{status.message}</p> : null}
      {status.yourSecretSet ? (
        <form onSubmit={(event) => void unlock(event)} noValidate aria-label="Unlock signing">
          <TextField
            label="Your signing secret"
            hint="Opens signing until the vault locks. Not the vault passphrase."
            type="password"
            name="unlockSigningSecret"
            autoComplete="current-password"
            value={secret}
            onChange={(event) => {
              setSecret(event.target.value);
            }}
            error={fieldError(error, 'secret')}
          />
          <FormAlert error={error} />
          <div className="form-actions form-actions--start">
            <button type="submit" className="button button--primary" disabled={busy}>
              Unlock signing
            </button>
          </div>
        </form>
      ) : (
        <p>
          {status.state === 'pending'
            ? 'An administrator protects the signing keys in Settings → Signing identity: open this computer for signing, or set a signing secret.'
            : 'An administrator who has a signing secret unlocks signing (Settings → Signing keys), or opens this computer for signing so it signs after every start.'}
        </p>
      )}
      {!keysCannotBeOpenedHere(status) ? null : administrator ? (
        <ReplaceSigningKeys
          api={api}
          onReplaced={(next, message) => {
            setReplaced(message);
            setStatus(next);
            onUnlocked?.();
          }}
        />
      ) : (
        <p>
          If nobody can open the signing keys any more, an administrator can replace them here or in
          Settings → Signing keys.
        </p>
      )}
      {navigate === undefined ? null : (
        <div className="form-actions form-actions--start">
          <button
            type="button"
            className="button"
            onClick={() => {
              navigate({ screen: 'settings' });
            }}
          >
            Open Settings → Signing keys
          </button>
        </div>
      )}
    </section>
  );
}
