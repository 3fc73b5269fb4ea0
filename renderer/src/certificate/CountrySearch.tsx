// A search box above a country <select> (issue 16, first day: "let country fields accept names as
// well as codes"): typing part of a name, a native name or a variant ("Belg", "Belgique",
// "Deutschland") or a code ("BE") narrows the select's options to the countries that match,
// best first; Enter chooses the first match. The select stays the field (its label, value and
// findings are unchanged), so the box only helps find a country and never stores text. What
// matches is announced (role="status") for screen-reader users.
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import type { CountryCandidate } from '../../../shared/domain/country-search';
import { searchCountries } from '../../../shared/domain/country-search';

type Props = {
  id: string;
  label: string;
  candidates: readonly CountryCandidate[];
  /** The country chosen now: always kept in the list, so the select never loses its value. */
  selected: string;
  onPick: (iso2: string) => void;
  /** The select, given the codes to show in the order to show them (null: all, unfiltered). */
  children: (shown: readonly string[] | null) => ReactNode;
};

export function CountrySearch({ id, label, candidates, selected, onPick, children }: Props) {
  const [text, setText] = useState('');
  const matches = useMemo(() => searchCountries(text, candidates), [text, candidates]);
  const searching = text.trim() !== '';
  const shown = searching
    ? [
        ...matches.map((m) => m.iso2),
        ...(selected !== '' && !matches.some((m) => m.iso2 === selected) ? [selected] : []),
      ]
    : null;
  const first = matches[0];
  const status = !searching
    ? 'Type part of a name (e.g. Belgique, Deutschland) or a two-letter code (e.g. BE).'
    : first === undefined
      ? `No KP Participant matches “${text.trim()}”.`
      : `${String(matches.length)} ${matches.length === 1 ? 'country matches' : 'countries match'}, first ${first.name} (${first.iso2}). Enter chooses it.`;

  return (
    <>
      <div className="field field--wide country-search">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          type="search"
          className="control"
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-describedby={`${id}-status`}
          onChange={(event) => {
            setText(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            // Enter picks a country; it must not submit the step's form.
            event.preventDefault();
            if (first !== undefined) onPick(first.iso2);
          }}
        />
        <span className="field__hint" id={`${id}-status`} role="status">
          {status}
        </span>
      </div>
      {children(shown)}
    </>
  );
}
