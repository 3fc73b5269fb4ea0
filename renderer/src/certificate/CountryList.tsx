// A <datalist> of country suggestions for a country input (country-options.ts).
import type { CountryOption } from './country-options';

export function CountryList({ id, options }: { id: string; options: readonly CountryOption[] }) {
  return (
    <datalist id={id}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </datalist>
  );
}
