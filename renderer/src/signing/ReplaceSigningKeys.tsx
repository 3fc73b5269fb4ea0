// "Replace the signing keys…" (issue 13, part 3 follow-up; docs/security.md "Keys nobody can
// open"): for an administrator when signing is locked and nothing opens the keys any more (the
// computer opened for signing was replaced or its keychain lost, e.g. after a restore on a new
// computer; every signing secret forgotten). The reason is asked first and checked with the
// shared rule; a confirmation then says what happens before anything changes: earlier
// certificates stay valid, new ones are signed by a new identity, USKPA must be told the new
// certificate if it pins the old one, and the old secrets and opened computers stop working.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { SigningKeysStatus } from '../../../shared/ipc/signing-keys-contract';
import { ReplaceSigningKeysSchema } from '../../../shared/ipc/signing-keys-replacement-contract';
import { ConfirmDialog } from '../records/ConfirmDialog';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextAreaField, TextField } from '../shell/form/FormField';

type Props = {
  api: KpApi;
  /** After the replacement: the new status (signing open in this session, keys pending). */
  onReplaced?: (status: SigningKeysStatus, message: string) => void;
};

/** What the administrator is told after the replacement, with the next step. */
export function replacedMessage(identity: { signerName: string; fingerprintSha256: string }) {
  return `The signing keys were replaced. New certificates are signed by ${identity.signerName} (fingerprint ${identity.fingerprintSha256}). Now protect the new keys: open this computer for signing or set a signing secret (Settings → Signing keys).`;
}

/** Whether to offer the replacement: keys exist, are protected, and nothing opened them here. */
export function keysCannotBeOpenedHere(status: SigningKeysStatus): boolean {
  return status.state === 'protected' && !status.canSign;
}

export function ReplaceSigningKeys({ api, onReplaced }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [signerName, setSignerName] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  const input = () => ({
    reason,
    ...(signerName.trim() === '' ? {} : { signerName }),
    confirm: true as const,
  });

  /** The shared schema's own words, before the confirmation is shown. */
  function check(event: SyntheticEvent) {
    event.preventDefault();
    setSuccess(null);
    const parsed = ReplaceSigningKeysSchema.safeParse(input());
    if (parsed.success) {
      setError(null);
      setConfirming(true);
      return;
    }
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'reason');
      fields[field] ??= issue.message;
    }
    setError({
      code: 'INVALID_INPUT',
      message: 'The signing keys were not replaced: check the entries below.',
      fields,
    });
  }

  async function replace() {
    setBusy(true);
    const answer = await callApi(() => api.identity.replaceKeys(input()));
    setBusy(false);
    setConfirming(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(null);
    setReason('');
    setSignerName('');
    setOpen(false);
    const done = replacedMessage(answer.value.identity);
    setSuccess(done);
    onReplaced?.(answer.value.signingKeys, done);
  }

  return (
    <div className="replace-signing-keys" data-testid="replace-signing-keys">
      <p>
        If nobody can open the signing keys any more (the computer that was opened for signing was
        replaced or its keychain was lost, for example after restoring the vault on a new computer,
        and no administrator remembers a signing secret), they cannot be opened again. An
        administrator can replace them with new ones.
      </p>
      {success === null ? null : <FormAlert error={null} success={success} />}
      {open ? (
        <form onSubmit={check} noValidate aria-label="Replace the signing keys">
          <div className="field-stack">
            <TextAreaField
              label="Why can the keys not be opened?"
              hint="Kept in the record with the replacement, e.g. “The computer opened for signing was replaced; nobody knows a signing secret.”"
              name="replaceReason"
              rows={3}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
              }}
              error={fieldError(error, 'reason')}
            />
            <TextField
              label="Signer’s name (optional)"
              hint="By default the signer of the current identity."
              name="replaceSignerName"
              value={signerName}
              onChange={(event) => {
                setSignerName(event.target.value);
              }}
              error={fieldError(error, 'signerName')}
            />
          </div>
          <FormAlert error={error} />
          <div className="form-actions form-actions--start">
            <button type="submit" className="button button--danger" disabled={busy}>
              Replace the signing keys…
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                setOpen(false);
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions form-actions--start">
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(true);
              setSuccess(null);
            }}
          >
            Replace the signing keys…
          </button>
        </div>
      )}
      {confirming ? (
        <ConfirmDialog
          title="Replace the signing keys?"
          confirmLabel="Replace the signing keys"
          cancelLabel="Keep the current keys"
          busy={busy}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            void replace();
          }}
        >
          <p>
            Certificates signed before stay valid: they keep verifying against the identity that
            signed them, which stays in the record.
          </p>
          <p>
            New certificates will be signed by a new signing identity with a new seal key. If USKPA
            or a partner pins your signing certificate, send them the new one.
          </p>
          <p>
            Every signing secret and every computer opened for the current keys stops working. This
            cannot be undone, and it is recorded with your reason.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
