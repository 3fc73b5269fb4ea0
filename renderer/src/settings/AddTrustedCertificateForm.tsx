// Adds a certificate to the vault's trust list (administrators): a name the administrator will
// recognise, then main's open dialog chooses the file (PEM or DER). The vault refuses what must
// not be trusted (not a certificate, expired, already in the list, neither a certification
// authority nor a certificate for signing) with a message shown at the field.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { TrustedCertificate } from '../../../shared/ipc/trust-contract';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';

type Props = { api: KpApi; onAdded: (added: TrustedCertificate) => void };

export function AddTrustedCertificateForm({ api, onAdded }: Props) {
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setError(null);
    setNote(null);
    if (label.trim() === '') {
      setError({
        code: 'INVALID_INPUT',
        message: 'Give the certificate a name first.',
        fields: { label: 'Give the certificate a name you will recognise, such as "USKPA root".' },
      });
      return;
    }
    setBusy(true);
    const answer = await callApi(() => api.trust.add({ label }));
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    if ('cancelled' in answer.value) {
      setNote('No file was chosen; nothing was added.');
      return;
    }
    setLabel('');
    setNote(`${answer.value.label} is now trusted.`);
    onAdded(answer.value);
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Add a trusted certificate"
    >
      {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
      <FormAlert error={error} success={note} />
      <h3>Add a certificate</h3>
      <TextField
        label="Name for this certificate"
        name="label"
        autoComplete="off"
        value={label}
        onChange={(event) => {
          setLabel(event.target.value);
        }}
        hint="For example “USKPA root” or “Antwerp partner”. After you press the button, KP Desk asks you to choose the certificate file (.pem, .crt, .cer or .der)."
        error={fieldError(error, 'label')}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Choose the file and add
        </button>
      </div>
    </form>
  );
}
