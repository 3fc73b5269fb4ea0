// Step 1: the vault passphrase. The vault is the encrypted file that keeps every certificate for
// the ten years the records must be kept; the passphrase unlocks it. Creating it runs scrypt in
// main (a few seconds on purpose: it makes guessing slow), so progress is shown.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import type { KpApi } from '../../../../shared/ipc/api';
import type { VaultStatus } from '../../../../shared/records/record-outputs';
import { callApi } from '../../shell/call-api';
import { BusyNote } from '../../shell/form/BusyNote';
import { FormAlert } from '../../shell/form/FormAlert';
import { NewPassphraseFields, newPassphraseProblems } from '../../shell/form/NewPassphraseFields';

type Props = {
  api: KpApi;
  onCreated: (created: { recoveryKey: string; status: VaultStatus }) => void;
};

export function CreateVaultStep({ api, onCreated }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const entries = {
    passphrase: {
      label: 'Vault passphrase',
      name: 'passphrase',
      value: passphrase,
      onValueChange: setPassphrase,
    },
    repeat: {
      label: 'Type the passphrase again',
      name: 'confirmation',
      value: confirmation,
      onValueChange: setConfirmation,
    },
  };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const fields = newPassphraseProblems(entries);
    if (Object.keys(fields).length > 0) {
      setError({
        code: 'INVALID_INPUT',
        message: 'The passphrase cannot be used yet: see the fields marked with a message below.',
        fields,
      });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.vault.create({ passphrase }));
    setBusy(false);
    if (answer.ok) onCreated(answer.value);
    else setError(answer.error);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Create the vault">
      <p>
        KP Desk keeps your certificates, stock of form numbers and audit trail in one encrypted file
        on this computer, the <strong>vault</strong>. US rules ask you to keep these records for
        years (5 under 15 CFR 30.10, 10 under OFAC&apos;s 31 CFR 501.601), so choose a passphrase
        you will still know next year.
      </p>
      {/* The summary sits above the fields it refers to. */}
      <FormAlert error={error} />
      <NewPassphraseFields {...entries} error={error} />
      {busy ? (
        <BusyNote label="Creating the encrypted vault; this takes a few seconds on purpose" />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Create the vault
        </button>
      </div>
    </form>
  );
}
