// A labelled select with its hint and its error at the field (see FormField.tsx).
import { useId } from 'react';
import type { ReactNode, SelectHTMLAttributes } from 'react';

type Props = {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
} & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, hint, error, id: givenId, children, ...select }: Props) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const described = [hint !== undefined ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter((x): x is string => x !== null)
    .join(' ');
  return (
    <div className={`form-field${error ? ' form-field--error' : ''}`}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      {hint === undefined ? null : (
        <div className="form-field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <select
        {...select}
        id={id}
        className="control"
        aria-invalid={error ? true : undefined}
        aria-describedby={described === '' ? undefined : described}
      >
        {children}
      </select>
      {error ? (
        <p className="form-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
