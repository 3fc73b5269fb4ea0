// A labelled form control with its explanation and its error at the field. The control's
// aria-describedby names the hint and the error, and aria-invalid marks it, so a screen reader
// reads the rule with the field; the form's FormAlert announces that something needs fixing.
import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

type Common = {
  label: string;
  /** Plain-words explanation under the label, always visible. */
  hint?: ReactNode;
  /** What is wrong and the rule, shown at the field. */
  error?: string | undefined;
  className?: string;
};

function describedBy(ids: (string | false)[]): string | undefined {
  const list = ids.filter((id): id is string => id !== false);
  return list.length === 0 ? undefined : list.join(' ');
}

function FieldFrame(props: Common & { id: string; children: ReactNode }) {
  const { id, label, hint, error, className, children } = props;
  return (
    <div className={`form-field${error ? ' form-field--error' : ''} ${className ?? ''}`.trim()}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      {hint === undefined ? null : (
        <div className="form-field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {children}
      {error ? (
        <p className="form-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(props: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { label, hint, error, className, id: givenId, ...input } = props;
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        {...input}
        id={id}
        className="control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([
          hint !== undefined && `${id}-hint`,
          !!error && `${id}-error`,
        ])}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { label, hint, error, className, id: givenId, ...textarea } = props;
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        {...textarea}
        id={id}
        className="control control--multiline"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([
          hint !== undefined && `${id}-hint`,
          !!error && `${id}-error`,
        ])}
      />
    </FieldFrame>
  );
}

export function CheckboxField(
  props: Omit<Common, 'className'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>,
) {
  const { label, hint, error, id: givenId, ...input } = props;
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <div className={`form-check${error ? ' form-field--error' : ''}`}>
      <input
        {...input}
        type="checkbox"
        id={id}
        className="form-check__box"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([
          hint !== undefined && `${id}-hint`,
          !!error && `${id}-error`,
        ])}
      />
      <div>
        <label className="form-field__label" htmlFor={id}>
          {label}
        </label>
        {hint === undefined ? null : (
          <div className="form-field__hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        {error ? (
          <p className="form-field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
