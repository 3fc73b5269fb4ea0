// Who a user is: the full name the audit trail shows and the username they sign in with. Used
// when the first administrator is created (first-run setup) and when an administrator adds a
// person in Settings → Users; the rules are main's (shared/records/user-inputs.ts).
import type { AppError } from '../../../shared/errors';
import { fieldError } from '../shell/form/field-errors';
import { TextField } from '../shell/form/FormField';

type Props = {
  displayName: string;
  username: string;
  onValueChange: (field: 'displayName' | 'username', value: string) => void;
  error: AppError | null;
  /** Whose account it is: the browser may suggest the user's own name, never someone else's. */
  whose: 'own' | 'another person';
};

export function UserNameFields({ displayName, username, onValueChange, error, whose }: Props) {
  const own = whose === 'own';
  const fields = [
    {
      name: 'displayName',
      label: 'Full name',
      value: displayName,
      autoComplete: own ? 'name' : 'off',
      hint: 'Shown in the audit trail next to everything this person does.',
    },
    {
      name: 'username',
      label: 'Username',
      value: username,
      autoComplete: own ? 'username' : 'off',
      hint: '3 to 64 letters, digits, dots, dashes or underscores, e.g. jsmith.',
    },
  ] as const;
  return fields.map((field) => (
    <TextField
      key={field.name}
      {...field}
      onChange={(event) => {
        onValueChange(field.name, event.target.value);
      }}
      error={fieldError(error, field.name)}
    />
  ));
}
