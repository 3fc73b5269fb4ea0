// The filters above the records list. Each control is labelled; a value the list cannot search by
// is shown at its field, and nothing is asked of the vault until it is fixed.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { hsCodes } from '../../../shared/reference/reference-data';
import { destinationOptions } from '../certificate/country-options';
import type { FilterField, RecordFilters as Filters } from './record-filters';
import { hasFilters, noFilters } from './record-filters';
import { stateLabel, storedStates } from './record-format';

type RecordFiltersProps = {
  value: Filters;
  errors: Partial<Record<FilterField, string>>;
  onChange: (next: Filters) => void;
};

const destinations = destinationOptions();

function FilterField(props: {
  id: string;
  label: string;
  hint?: string;
  wide?: boolean;
  error: string | undefined;
  children: (control: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const { id, label, hint, error } = props;
  const describedBy =
    [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`]
      .filter((part) => part !== null)
      .join(' ') || undefined;
  return (
    <div
      className={`field records-filter${props.wide === true ? ' records-filter--wide' : ''}${error === undefined ? '' : ' field--error'}`}
    >
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {props.children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy })}
      {hint === undefined ? null : (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error === undefined ? null : (
        <span className="records-filter__error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

export function RecordFilters({ value, errors, onChange }: RecordFiltersProps) {
  const base = useId();
  const set = (field: FilterField, text: string) => {
    onChange({ ...value, [field]: text });
  };
  return (
    <form
      className="records-filters"
      role="search"
      aria-label="Filter certificates"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <FilterField
        id={`${base}-text`}
        label="Number, ITN or party name"
        hint="Any part of a certificate number (10042), an ITN (1128) or an exporter’s or consignee’s name (rough); a whole number or ITN finds that certificate."
        wide
        error={errors.text}
      >
        {(control) => (
          <input
            {...control}
            className="control"
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={value.text}
            onChange={(event) => {
              set('text', event.target.value);
            }}
          />
        )}
      </FilterField>
      <FilterField id={`${base}-state`} label="State" error={errors.state}>
        {(control) => (
          <select
            {...control}
            className="control"
            value={value.state}
            onChange={(event) => {
              set('state', event.target.value);
            }}
          >
            <option value="">Any state</option>
            {storedStates.map((state) => (
              <option key={state} value={state}>
                {stateLabel(state)}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField id={`${base}-from`} label="Issued from" error={errors.issuedFrom}>
        {(control) => (
          <input
            {...control}
            className="control"
            type="date"
            value={value.issuedFrom}
            onChange={(event) => {
              set('issuedFrom', event.target.value);
            }}
          />
        )}
      </FilterField>
      <FilterField id={`${base}-to`} label="Issued to" error={errors.issuedTo}>
        {(control) => (
          <input
            {...control}
            className="control"
            type="date"
            value={value.issuedTo}
            onChange={(event) => {
              set('issuedTo', event.target.value);
            }}
          />
        )}
      </FilterField>
      <FilterField id={`${base}-destination`} label="Destination" error={errors.destination}>
        {(control) => (
          <select
            {...control}
            className="control"
            value={value.destination}
            onChange={(event) => {
              set('destination', event.target.value);
            }}
          >
            <option value="">Any destination</option>
            {destinations.map((country) => (
              <option key={country.value} value={country.value}>
                {country.label} ({country.value})
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField id={`${base}-hs`} label="HS code" error={errors.hsCode}>
        {(control) => (
          <select
            {...control}
            className="control"
            value={value.hsCode}
            onChange={(event) => {
              set('hsCode', event.target.value);
            }}
          >
            <option value="">Any HS code</option>
            {hsCodes.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.code} {entry.description.split(':')[0]?.toLowerCase()}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <div className="records-filters__actions">
        <button
          type="button"
          className="button"
          disabled={!hasFilters(value)}
          onClick={() => {
            onChange(noFilters);
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
