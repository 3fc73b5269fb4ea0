// Country fields accept names as well as codes (issue 16): search by code, ISO name, native
// name or common variant, and resolve a whole name to the code the certificate stores
// (31 CFR 592.307(b), (g)).
import { describe, expect, it } from 'vitest';
import type { CountryCandidate } from '../../../shared/domain/country-search';
import { countryCodeFor, searchCountries } from '../../../shared/domain/country-search';
import { isoCountries, participantCountries } from '../../../shared/reference/reference-data';

const participants = participantCountries();
const codes = (typed: string, candidates: readonly CountryCandidate[] = participants) =>
  searchCountries(typed, candidates).map((match) => match.iso2);

describe('searchCountries', () => {
  it('finds Belgium by "Belg" and by "BE", the code first', () => {
    expect(codes('Belg')[0]).toBe('BE');
    expect(codes('BE')[0]).toBe('BE');
    expect(codes('be')[0]).toBe('BE');
  });

  it('finds a country by its native name or a usual variant, and says which name matched', () => {
    const [belgie] = searchCountries('Belgi', participants);
    expect(belgie?.iso2).toBe('BE');
    const [polska] = searchCountries('Polska', participants);
    expect(polska).toMatchObject({ iso2: 'PL', matchedName: 'Polska' });
    expect(codes('deutsch')[0]).toBe('DE');
    expect(codes('Türkiye', isoCountries)[0]).toBe('TR');
    expect(codes('turkiye', isoCountries)[0]).toBe('TR');
    expect(codes('UAE')[0]).toBe('AE');
  });

  it('ignores case, accents and punctuation', () => {
    expect(codes('BELGIË')[0]).toBe('BE');
    expect(codes('cote d ivoire', isoCountries)[0]).toBe('CI');
    expect(codes("Côte d'Ivoire", isoCountries)[0]).toBe('CI');
  });

  it('finds both Congos for "Congo", and only the right one for "Kinshasa"', () => {
    const congo = codes('Congo', isoCountries);
    expect(congo).toContain('CD');
    expect(congo).toContain('CG');
    expect(codes('Congo-Kinshasa', isoCountries)[0]).toBe('CD');
    expect(codes('Brazzaville', isoCountries)).toEqual(['CG']);
  });

  it('ranks a name that starts with the text before one that only contains it', () => {
    // "India" starts with "ind"; "Indonesia" too (alphabetical after India); names that only
    // contain it come after both.
    const found = searchCountries('ind', isoCountries);
    expect(found.slice(0, 2).map((match) => match.iso2)).toEqual(['IN', 'ID']);
  });

  it('finds nothing for empty text or text no country is called', () => {
    expect(codes('')).toEqual([]);
    expect(codes('   ')).toEqual([]);
    expect(codes('Atlantis')).toEqual([]);
  });
});

describe('countryCodeFor', () => {
  it('keeps a code, in any case', () => {
    expect(countryCodeFor('be', participants)).toBe('BE');
    expect(countryCodeFor(' AE ', participants)).toBe('AE');
  });

  it('turns a whole name, native name or variant into its code', () => {
    expect(countryCodeFor('Belgium', participants)).toBe('BE');
    expect(countryCodeFor('belgique', participants)).toBe('BE');
    expect(countryCodeFor('Deutschland', participants)).toBe('DE');
    expect(countryCodeFor('Korea, Republic of', participants)).toBe('KR');
    expect(countryCodeFor('Republic of Korea', participants)).toBe('KR');
  });

  it('leaves a part of a name, or text that names no country, as typed (null)', () => {
    expect(countryCodeFor('Belg', participants)).toBeNull();
    expect(countryCodeFor('Atlantis', participants)).toBeNull();
    expect(countryCodeFor('', participants)).toBeNull();
  });

  it('only resolves among the candidates offered (a destination is never the US)', () => {
    const destinations = participants.filter((c) => c.iso2 !== 'US');
    expect(countryCodeFor('United States', destinations)).toBeNull();
    expect(countryCodeFor('United States', participants)).toBe('US');
  });
});
