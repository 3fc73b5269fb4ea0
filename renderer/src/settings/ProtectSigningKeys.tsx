// Right after a signing identity is generated or imported (first run or Settings; issue 13,
// part 3): how its keys will open after the next start. New keys are only "pending": the vault
// passphrase, which every operator knows, would be enough to sign, and after a restart signing is
// refused until an administrator sets a signing secret or opens this computer (docs/security.md,
// "Signing keys"). The common path for a one-person dealer is preselected: open this computer
// for signing; the signing secret is optional but recommended (it alone works on another computer
// and for the escrow export). Secrets go in, never come back.
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { SigningKeysStatus } from '../../../shared/ipc/signing-keys-contract';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { CheckboxField, TextField } from '../shell/form/FormField';

type Props = {
  api: KpApi;
  /** 2 on the first-run page, 3 inside Settings → Signing identity. */
  headingLevel?: 2 | 3;
  /** Called with the new status once the keys are protected. */
  onProtected?: (status: SigningKeysStatus) => void;
};

function Heading({ level, children }: { level: 2 | 3; children: string }) {
  return level === 2 ? <h2 className="form-heading">{children}</h2> : <h3>{children}</h3>;
}

/** What the keys' protection now is, in plain words. */
export function protectionSummary(status: SigningKeysStatus): string {
  const computer =
    status.workstations.length > 0
      ? 'This computer is open for signing: you and your operators sign here without anything more.'
      : '';
  const secret = status.yourSecretSet
    ? 'Your signing secret unlocks signing on any computer and is needed to export the keys.'
    : 'No signing secret is set: if this computer’s keychain is lost, the keys cannot be opened again. Set one in Settings → Signing keys.';
  return `The signing keys are protected. ${computer} ${secret}`.replace(/\s+/g, ' ').trim();
}

export function ProtectSigningKeys({ api, headingLevel = 3, onProtected }: Props) {
  const [status, setStatus] = useState<SigningKeysStatus | null>(null);
  const [openComputer, setOpenComputer] = useState(true);
  const [secret, setSecret] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void callApi(() => api.identity.signingKeys({})).then((answer) => {
      if (!current) return;
      if (answer.ok) setStatus(answer.value);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setError(null);
    if (!openComputer && secret === '') {
      setError({
        code: 'INVALID_INPUT',
        message:
          'Nothing was changed: choose to open this computer for signing, or set a signing secret (or both).',
        fields: { secret: 'Set a signing secret, or tick “Open this computer for signing”.' },
      });
      return;
    }
    if (secret !== '' && secret !== repeat) {
      setError({
        code: 'INVALID_INPUT',
        message: 'The signing secret was not set: the two entries differ.',
        fields: { repeat: 'Type the same signing secret again.' },
      });
      return;
    }
    setBusy(true);
    let next: SigningKeysStatus | null = null;
    if (secret !== '') {
      const answer = await callApi(() => api.identity.setSigningSecret({ secret }));
      if (!answer.ok) {
        setBusy(false);
        setError(answer.error);
        return;
      }
      next = answer.value;
    }
    if (openComputer) {
      const answer = await callApi(() =>
        api.identity.openWorkstation(secret === '' ? {} : { secret }),
      );
      if (!answer.ok) {
        setBusy(false);
        setStatus(next ?? status);
        // The secret, if any, is set: say so beside the refusal of the computer.
        setError(
          next === null
            ? answer.error
            : {
                ...answer.error,
                message: `Your signing secret is set, but this computer was not opened for signing: ${answer.error.message}`,
              },
        );
        setSecret('');
        setRepeat('');
        return;
      }
      next = answer.value;
    }
    setBusy(false);
    setSecret('');
    setRepeat('');
    if (next === null) return;
    setStatus(next);
    setDone(protectionSummary(next));
    onProtected?.(next);
  }

  if (status === null) return <FormAlert error={error} />;
  // Keys already protected (or none at all): nothing to choose here; Settings → Signing keys
  // keeps every other action.
  if (status.state !== 'pending')
    return done === null ? null : <FormAlert error={null} success={done} />;

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Protect the signing keys"
      className="protect-signing-keys"
    >
      <Heading level={headingLevel}>Protect the signing keys</Heading>
      <p>
        Everyone who works with this vault knows its passphrase, and it opens every backup. So the
        passphrase alone must not be enough to sign certificates in the licensee’s name: the keys
        that sign are kept under a key the passphrase does not give (see “Signing keys” in the
        security notes, docs/security.md). Until you choose below, they open only in this session:
        after the next start, signing is refused.
      </p>
      <div className="field-stack">
        <CheckboxField
          label="Open this computer for signing (recommended for a one-person office)"
          name="openComputer"
          checked={openComputer}
          onChange={(event) => {
            setOpenComputer(event.target.checked);
          }}
          hint="This computer’s keychain keeps a key to the signing keys, so you and your operators sign here after every start without anything more. A copy of the vault or a backup on another computer opens the records but cannot sign."
        />
        <TextField
          label="Signing secret (optional, recommended)"
          hint="At least 12 characters, not the vault passphrase, known only to administrators. It unlocks signing on any computer, is needed to export the keys for safekeeping, and is the only way back to the keys if this computer is replaced."
          type="password"
          name="signingSecret"
          autoComplete="new-password"
          value={secret}
          onChange={(event) => {
            setSecret(event.target.value);
          }}
          error={fieldError(error, 'secret')}
        />
        <TextField
          label="Type the signing secret again"
          type="password"
          name="signingSecretRepeat"
          autoComplete="new-password"
          value={repeat}
          onChange={(event) => {
            setRepeat(event.target.value);
          }}
          error={fieldError(error, 'repeat')}
        />
      </div>
      <FormAlert error={error} />
      {busy ? <BusyNote label="Protecting the signing keys" /> : null}
      <div className="form-actions form-actions--start">
        <button type="submit" className="button button--primary" disabled={busy}>
          Protect the signing keys
        </button>
      </div>
    </form>
  );
}
