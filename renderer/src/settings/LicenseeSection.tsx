// Settings → Licensee profile. Administrators edit it; everyone else sees it with the fields
// disabled (main refuses the save for them anyway).
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { LicenseeProfileSchema } from '../../../shared/records/licensee-profile';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { LicenseeFields } from './LicenseeFields';
import { emptyLicensee, issuesToFieldErrors } from './licensee-form';
import type { LicenseeForm } from './licensee-form';

type Props = { api: KpApi; editable: boolean; onSaved: () => void };

export function LicenseeSection({ api, editable, onSaved }: Props) {
  const [form, setForm] = useState<LicenseeForm>(emptyLicensee);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void callApi(() => api.licensee.get({})).then((answer) => {
      if (!current) return;
      if (!answer.ok) setError(answer.error);
      else if (answer.value !== null) {
        const { legalName, address, tin, isCommonCarrier } = answer.value;
        setForm({ legalName, address, tin, isCommonCarrier });
      }
    });
    return () => {
      current = false;
    };
  }, [api]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setSuccess(null);
    const parsed = LicenseeProfileSchema.safeParse(form);
    if (!parsed.success) {
      setError({
        code: 'INVALID_INPUT',
        message: 'The profile was not saved: see the fields marked below.',
        fields: issuesToFieldErrors(parsed.error.issues),
      });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.licensee.save(parsed.data));
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else {
      setSuccess('The licensee profile was saved.');
      onSaved();
    }
  }

  return (
    <section className="panel" aria-labelledby="settings-licensee">
      <h2 id="settings-licensee">Licensee profile</h2>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Licensee profile">
        {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
        <FormAlert error={error} success={success} />
        <LicenseeFields
          form={form}
          onChange={setForm}
          errorOf={(field) => fieldError(error, field)}
          disabled={!editable || busy}
        />
        {editable ? (
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Save the profile
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
