// A labelled select bound to one text field of the draft (e.g. the country of destination, which
// is limited to KP Participants): the same Field frame, ids and findings as TextField.
import type { Finding } from '../../../shared/domain/finding';
import type { TextField as TextFieldName } from './draft-fields';
import { Field } from './Field';

export type SelectOption = { value: string; label: string };

type SelectFieldProps = {
  field: TextFieldName;
  label: string;
  hint?: string;
  value: string;
  options: readonly SelectOption[];
  placeholder: string;
  findings: readonly Finding[];
  onValueChange: (value: string) => void;
  onLeave: () => void;
  wide?: boolean;
};

export function SelectField(props: SelectFieldProps) {
  const { field, label, hint, value, options, placeholder, findings, wide } = props;
  return (
    <Field field={field} label={label} hint={hint} findings={findings} wide={wide}>
      {(control) => (
        <select
          {...control}
          className="control"
          value={value}
          onChange={(event) => {
            props.onValueChange(event.target.value);
            props.onLeave();
          }}
          onBlur={props.onLeave}
        >
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
