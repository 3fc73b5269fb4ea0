// @vitest-environment jsdom
// The search box above a country select (issue 16): a name, native name, part of a name or a
// code narrows the select to the KP Participants that match, best first, keeping the country
// already chosen; Enter chooses the first match without submitting the form; the result is
// announced. Real reference data (country-names.json, the participant list).
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { CountrySearch } from '../../../../renderer/src/certificate/CountrySearch';
import {
  destinationCandidates,
  destinationOptions,
} from '../../../../renderer/src/certificate/country-options';

afterEach(cleanup);

function Destination({ onSubmit }: { onSubmit: () => void }) {
  const [value, setValue] = useState('');
  const all = destinationOptions();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <CountrySearch
        id="search"
        label="Search destinations (name or code)"
        candidates={destinationCandidates()}
        selected={value}
        onPick={setValue}
      >
        {(shown) => (
          <>
            <label htmlFor="destination">Country of destination</label>
            <select
              id="destination"
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
              }}
            >
              <option value="">Choose the country…</option>
              {(shown === null ? all : shown.flatMap((c) => all.filter((o) => o.value === c))).map(
                (option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ),
              )}
            </select>
          </>
        )}
      </CountrySearch>
    </form>
  );
}

const optionCodes = () =>
  [...screen.getByLabelText<HTMLSelectElement>('Country of destination').options]
    .map((option) => option.value)
    .filter((code) => code !== '');

it('narrows the destinations by a native name, part of a name or a code; Enter chooses', async () => {
  const submitted = vi.fn();
  const user = userEvent.setup();
  render(<Destination onSubmit={submitted} />);
  const all = optionCodes();
  expect(all.length).toBeGreaterThan(40);
  expect(all).not.toContain('US'); // never a destination of a US export

  const search = screen.getByLabelText('Search destinations (name or code)');
  await user.type(search, 'Belgique');
  expect(optionCodes()).toEqual(['BE']);
  expect(screen.getByRole('status').textContent).toContain('first Belgium (BE)');
  await user.keyboard('{Enter}');
  expect(screen.getByLabelText<HTMLSelectElement>('Country of destination').value).toBe('BE');
  expect(submitted).not.toHaveBeenCalled();

  // A code, then a part of a name: the chosen country stays listed, after the matches.
  await user.clear(search);
  await user.type(search, 'in');
  expect(optionCodes()[0]).toBe('IN');
  await user.clear(search);
  await user.type(search, 'Deutsch');
  expect(optionCodes()).toEqual(['DE', 'BE']);
  await user.keyboard('{Enter}');
  expect(screen.getByLabelText<HTMLSelectElement>('Country of destination').value).toBe('DE');

  await user.clear(search);
  await user.type(search, 'Atlantis');
  expect(screen.getByRole('status').textContent).toBe('No KP Participant matches “Atlantis”.');
  expect(optionCodes()).toEqual(['DE']);
  fireEvent.keyDown(search, { key: 'Enter' });
  expect(screen.getByLabelText<HTMLSelectElement>('Country of destination').value).toBe('DE');

  // An empty box lists every destination again.
  await user.clear(search);
  expect(optionCodes()).toEqual(all);
});
