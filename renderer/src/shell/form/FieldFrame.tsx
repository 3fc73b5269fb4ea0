// The parts every labelled form control shares (FormField.tsx, SelectField.tsx): the control's id
// and the attributes that tie it to its hint and its error, and the frame that lays out the label,
// the hint, the control and the error. aria-describedby names the hint and the error and
// aria-invalid marks the control, so a screen reader reads the rule with the field.
import { useId } from 'react';
import type { ReactNode } from 'react';

export type FieldText = {
  label: string;
  /** Plain-words explanation under the label, always visible. */
  hint?: ReactNode;
  /** What is wrong and the rule, shown at the field. */
  error?: string | undefined;
};

export type ControlAttributes = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

export function useControlAttributes(
  givenId: string | undefined,
  { hint, error }: Omit<FieldText, 'label'>,
): ControlAttributes {
  const ownId = useId();
  const id = givenId ?? ownId;
  const described = [hint === undefined ? null : `${id}-hint`, error ? `${id}-error` : null]
    .filter((part): part is string => part !== null)
    .join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described === '' ? undefined : described,
  };
}

export function FieldHint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint === undefined ? null : (
    <div className="form-field__hint" id={`${id}-hint`}>
      {hint}
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p className="form-field__error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/** Label, hint, the control (children), error: top to bottom. */
export function FieldFrame(
  props: FieldText & { id: string; className?: string | undefined; children: ReactNode },
) {
  const { id, label, hint, error, className, children } = props;
  return (
    <div className={`form-field${error ? ' form-field--error' : ''} ${className ?? ''}`.trim()}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}
