// A labelled text, date or multi-line input bound to one text field of the draft.
import type { HTMLInputTypeAttribute } from 'react';
import type { Finding } from '../../../shared/domain/finding';
import type { TextField as TextFieldName } from './draft-fields';
import { Field } from './Field';

export type TextFieldBinding = {
  field: TextFieldName;
  value: string;
  findings: readonly Finding[];
  onValueChange: (value: string) => void;
  onLeave: () => void;
};

type TextFieldProps = TextFieldBinding & {
  label: string;
  hint?: string;
  type?: HTMLInputTypeAttribute;
  multiline?: boolean;
  /** id of a <datalist> with suggestions. */
  list?: string;
  inputMode?: 'text' | 'decimal' | 'numeric';
  wide?: boolean;
};

export function TextField(props: TextFieldProps) {
  const { field, value, findings, onValueChange, onLeave, label, hint, wide } = props;
  return (
    <Field field={field} label={label} hint={hint} findings={findings} wide={wide}>
      {(control) =>
        props.multiline === true ? (
          <textarea
            {...control}
            className="control control--multiline"
            rows={3}
            value={value}
            onChange={(event) => {
              onValueChange(event.target.value);
            }}
            onBlur={onLeave}
          />
        ) : (
          <input
            {...control}
            className="control"
            type={props.type ?? 'text'}
            list={props.list}
            inputMode={props.inputMode}
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(event) => {
              onValueChange(event.target.value);
            }}
            onBlur={onLeave}
          />
        )
      }
    </Field>
  );
}
