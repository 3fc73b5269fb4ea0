// A new secret typed twice (a vault passphrase, a user's password): both fields hide what is
// typed and ask the browser for a new-password suggestion; each shows the error main or the form
// put at its field's name. The caller says what differs (labels, names, the guidance).
import type { ReactNode } from 'react';
import type { AppError } from '../../../../shared/errors';
import { fieldError } from './field-errors';
import { TextField } from './FormField';

export type SecretEntry = {
  label: string;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
};

type Props = {
  secret: SecretEntry & { hint?: ReactNode };
  repeat: SecretEntry;
  error: AppError | null;
};

function SecretField({
  entry,
  error,
}: {
  entry: SecretEntry & { hint?: ReactNode };
  error: AppError | null;
}) {
  const { onValueChange, ...field } = entry;
  return (
    <TextField
      {...field}
      type="password"
      autoComplete="new-password"
      onChange={(event) => {
        onValueChange(event.target.value);
      }}
      error={fieldError(error, entry.name)}
    />
  );
}

export function RepeatedSecretFields({ secret, repeat, error }: Props) {
  return (
    <>
      <SecretField entry={secret} error={error} />
      <SecretField entry={repeat} error={error} />
    </>
  );
}
