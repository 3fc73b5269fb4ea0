// Step 3: the licensee: who issues the certificates. Checked here with the same schema main uses
// (shared/records/licensee-profile.ts) and saved once the first administrator is signed in (only
// a signed-in administrator may save it), or at once when setup resumes after sign-in.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import { LicenseeProfileSchema } from '../../../../shared/records/licensee-profile';
import type { LicenseeProfile } from '../../../../shared/records/licensee-profile';
import { fieldError } from '../../shell/form/field-errors';
import { FormAlert } from '../../shell/form/FormAlert';
import { LicenseeFields } from '../../settings/LicenseeFields';
import { emptyLicensee, issuesToFieldErrors } from '../../settings/licensee-form';
import type { LicenseeForm } from '../../settings/licensee-form';

type Props = {
  initial: LicenseeProfile | null;
  submitLabel: string;
  /** Saves or keeps the profile; answers an error to show, or null when done. */
  onSubmit: (profile: LicenseeProfile) => Promise<AppError | null>;
};

export function LicenseeStep({ initial, submitLabel, onSubmit }: Props) {
  const [form, setForm] = useState<LicenseeForm>(initial ?? emptyLicensee);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = LicenseeProfileSchema.safeParse(form);
    if (!parsed.success) {
      setError({
        code: 'INVALID_INPUT',
        message:
          'Some details are missing or mistyped: see the fields marked with a message below.',
        fields: issuesToFieldErrors(parsed.error.issues),
      });
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await onSubmit(parsed.data);
    setBusy(false);
    setError(failure);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Licensee profile">
      <p>
        The licensee is the company USKPA licensed to issue Kimberley Process certificates. These
        details appear on every certificate as the exporter (unless you are a common carrier issuing
        for a client).
      </p>
      {/* The summary sits above the fields it refers to. */}
      <FormAlert error={error} />
      <LicenseeFields
        form={form}
        onChange={setForm}
        errorOf={(field) => fieldError(error, field)}
        disabled={busy}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
