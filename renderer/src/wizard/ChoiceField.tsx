// A labelled select for the wizard's own entries (container type, transport mode), with its hint
// and its problem at the field, tied to the control by aria-describedby like every other field.
type ChoiceFieldProps = {
  id: string;
  label: string;
  hint?: string;
  value: string;
  options: readonly { value: string; label: string }[];
  placeholder: string;
  problem?: string | undefined;
  /** Takes the whole row (long option labels). */
  wide?: boolean;
  onChange: (value: string) => void;
};

export function ChoiceField(props: ChoiceFieldProps) {
  const { id, label, hint, value, options, placeholder, problem } = props;
  const describedBy = [hint === undefined ? '' : `${id}-hint`, problem ? `${id}-error` : '']
    .filter((part) => part !== '')
    .join(' ');
  return (
    <div
      className={`form-field${problem ? ' form-field--error' : ''}${props.wide === true ? ' field--wide' : ''}`}
    >
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div className="form-field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <select
        id={id}
        className="control"
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => {
          props.onChange(event.target.value);
        }}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {problem ? (
        <p className="form-field__error" id={`${id}-error`}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
