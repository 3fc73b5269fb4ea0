// One field of an action form on the certificate page (ship, void, correct, decide): the label,
// the control, an optional hint under it and the error, announced when it appears (role=alert).
// The control is rendered by the caller with the attributes computed here, so it is read with its
// hint and its error (aria-describedby) and marked invalid while the error shows.
import type { ReactNode } from 'react';

export type ActionControl = {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
};

type ActionFieldProps = {
  /** The control's id; the hint and the error take it with "-hint" and "-error". */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown (and announced) only when defined. */
  error?: string | undefined;
  children: (control: ActionControl) => ReactNode;
};

export function ActionField({ id, label, hint, error, children }: ActionFieldProps) {
  const described = [
    hint === undefined ? '' : `${id}-hint`,
    error === undefined ? '' : `${id}-error`,
  ]
    .filter((part) => part !== '')
    .join(' ');
  return (
    <div className={`field${error === undefined ? '' : ' field--error'}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error !== undefined,
        'aria-describedby': described === '' ? undefined : described,
      })}
      {hint === undefined ? null : (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error === undefined ? null : (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** A note or reason typed in words (at most 2,000 characters, as the vault accepts). */
export function ActionNoteField(
  props: Omit<ActionFieldProps, 'children'> & {
    value: string;
    onValueChange: (value: string) => void;
    rows: number;
    required: boolean;
  },
) {
  const { value, onValueChange, rows, required, ...field } = props;
  return (
    <ActionField {...field}>
      {(control) => (
        <textarea
          {...control}
          className="control control--multiline"
          rows={rows}
          maxLength={2000}
          required={required}
          value={value}
          onChange={(event) => {
            onValueChange(event.target.value);
          }}
        />
      )}
    </ActionField>
  );
}

/** The frame of an action form: named by its heading, checked by us (noValidate), not reloaded. */
export function ActionForm({
  titleId,
  title,
  onSubmit,
  children,
}: {
  titleId: string;
  title: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="action-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={titleId}>{title}</h3>
      {children}
    </form>
  );
}
