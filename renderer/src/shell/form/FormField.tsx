// Labelled text inputs, text areas and checkboxes with their explanation and their error at the
// field (FieldFrame.tsx ties them together for screen readers); the form's FormAlert announces
// that something needs fixing.
import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { FieldError, FieldFrame, FieldHint, useControlAttributes } from './FieldFrame';
import type { FieldText } from './FieldFrame';

type Common = FieldText & { className?: string };

export function TextField(props: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { label, hint, error, className, id, ...input } = props;
  const control = useControlAttributes(id, { hint, error });
  return (
    <FieldFrame {...{ label, hint, error, className }} id={control.id}>
      <input {...input} {...control} className="control" />
    </FieldFrame>
  );
}

export function TextAreaField(props: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { label, hint, error, className, id, ...textarea } = props;
  const control = useControlAttributes(id, { hint, error });
  return (
    <FieldFrame {...{ label, hint, error, className }} id={control.id}>
      <textarea {...textarea} {...control} className="control control--multiline" />
    </FieldFrame>
  );
}

/** The box before its label; the hint and the error under the label. */
export function CheckboxField(
  props: FieldText & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>,
) {
  const { label, hint, error, id, ...input } = props;
  const control = useControlAttributes(id, { hint, error });
  return (
    <div className={`form-check${error ? ' form-field--error' : ''}`}>
      <input {...input} {...control} type="checkbox" className="form-check__box" />
      <div>
        <label className="form-field__label" htmlFor={control.id}>
          {label}
        </label>
        <FieldHint id={control.id} hint={hint} />
        <FieldError id={control.id} error={error} />
      </div>
    </div>
  );
}
