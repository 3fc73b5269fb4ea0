// Step 4: the first administrator, the person who manages users, keys and settings. Each person
// later signs in with their own account, so the audit trail says who did what.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import { FirstAdministratorSchema } from '../../../../shared/records/user-inputs';
import { FormAlert } from '../../shell/form/FormAlert';
import { RepeatedSecretFields } from '../../shell/form/RepeatedSecretFields';
import { issuesToFieldErrors } from '../../settings/licensee-form';
import { UserNameFields } from '../../settings/UserNameFields';

export type AdministratorInput = { displayName: string; username: string; password: string };

type Props = {
  onSubmit: (admin: AdministratorInput) => Promise<AppError | null>;
};

export function AdministratorStep({ onSubmit }: Props) {
  const [form, setForm] = useState({ displayName: '', username: '', password: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const { repeat, ...admin } = form;
    const parsed = FirstAdministratorSchema.safeParse(admin);
    const fields = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
    if (repeat !== form.password) fields.repeat = 'The two passwords differ. Type the same twice.';
    if (!parsed.success || Object.keys(fields).length > 0) {
      setError({
        code: 'INVALID_INPUT',
        message:
          'The administrator cannot be created yet: see the fields marked with a message below.',
        fields,
      });
      return;
    }
    setBusy(true);
    setError(null);
    setError(await onSubmit(parsed.data));
    setBusy(false);
  }

  const set = (key: keyof typeof form) => (value: string) => {
    setForm({ ...form, [key]: value });
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="First administrator">
      <p>
        The administrator manages the people who use KP Desk, the signing identity and the settings.
        You can add operators (who prepare and issue certificates) and reviewers (who only look)
        later in Settings.
      </p>
      {/* The summary sits above the fields it refers to. */}
      <FormAlert error={error} />
      <div className="field-stack">
        <UserNameFields
          displayName={form.displayName}
          username={form.username}
          onValueChange={(key, value) => {
            set(key)(value);
          }}
          error={error}
          whose="own"
        />
        <RepeatedSecretFields
          secret={{
            label: 'Password',
            name: 'password',
            value: form.password,
            onValueChange: set('password'),
            hint: "At least 12 characters. This is the person's own password, not the vault passphrase.",
          }}
          repeat={{
            label: 'Type the password again',
            name: 'repeat',
            value: form.repeat,
            onValueChange: set('repeat'),
          }}
          error={error}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Create the administrator
        </button>
      </div>
    </form>
  );
}
