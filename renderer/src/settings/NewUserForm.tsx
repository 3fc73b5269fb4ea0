// Settings → Users → add a person. The role decides what they may do (permissions.ts); main
// checks the same rules on every call.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { NewUserSchema, userRoles } from '../../../shared/records/user-inputs';
import type { UserRole } from '../../../shared/records/user-inputs';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { SelectField } from '../shell/form/SelectField';
import { roleExplanations, roleLabels } from '../shell/permissions';
import { issuesToFieldErrors } from './licensee-form';
import { UserNameFields } from './UserNameFields';

const empty = { displayName: '', username: '', role: 'operator' as UserRole, password: '' };

export function NewUserForm({ api, onCreated }: { api: KpApi; onCreated: () => void }) {
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setSuccess(null);
    const parsed = NewUserSchema.safeParse(form);
    if (!parsed.success) {
      setError({
        code: 'INVALID_INPUT',
        message: 'The user was not created: see the fields marked below.',
        fields: issuesToFieldErrors(parsed.error.issues),
      });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.users.create(parsed.data));
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setForm(empty);
    setSuccess(`${answer.value.displayName} can now sign in as ${answer.value.username}.`);
    onCreated();
  }

  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => {
    setForm({ ...form, [key]: event.target.value });
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Add a user">
      {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
      <FormAlert error={error} success={success} />
      <h3>Add a user</h3>
      <div className="field-grid">
        <UserNameFields
          displayName={form.displayName}
          username={form.username}
          onValueChange={(key, value) => {
            setForm({ ...form, [key]: value });
          }}
          error={error}
          whose="another person"
        />
        <SelectField
          label="Role"
          name="role"
          value={form.role}
          onChange={set('role')}
          hint={roleExplanations[form.role]}
          error={fieldError(error, 'role')}
        >
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="First password"
          type="password"
          name="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          hint="At least 12 characters. Give it to the person privately."
          error={fieldError(error, 'password')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Add the user
        </button>
      </div>
    </form>
  );
}
