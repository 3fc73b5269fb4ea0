// The suggestions offered in the country inputs: every country covered by an active KP
// Participant (31 CFR 592.308). The user may still type any code; the rules judge it. Each label
// carries the country's native names and usual variants too (issue 16), so the browser's
// suggestions find "Belgique" or "Polska" as well as "BE" and "Belgium".
import type { CountryCandidate } from '../../../shared/domain/country-search';
import {
  countryNameVariants,
  participantCountries,
} from '../../../shared/reference/reference-data';

export type CountryOption = { value: string; label: string };

/** "****" marks a shipment with a parcel of mixed origin (31 CFR 592.307(b)). */
export const MIXED_ORIGIN: CountryOption = { value: '****', label: 'Mixed origin' };

/** "Belgium — also België, Belgique, Belgien"; the ISO name alone when there are no variants. */
function withVariants(iso2: string, name: string): string {
  const variants = (countryNameVariants[iso2] ?? []).filter((v) => v !== iso2).slice(0, 6);
  return variants.length === 0 ? name : `${name} — also ${variants.join(', ')}`;
}

/** The countries a name typed in the origin field may resolve to. */
export function originCandidates(): CountryCandidate[] {
  return participantCountries();
}

/** The countries a name typed in the destination field may resolve to (never the US). */
export function destinationCandidates(): CountryCandidate[] {
  return participantCountries().filter((c) => c.iso2 !== 'US');
}

export function originOptions(): CountryOption[] {
  // "US" is offered with what it means: only a stone recovered in the United States and never
  // imported, which the certificate then declares (31 CFR 592.307(b); origin-rules.ts).
  return [
    MIXED_ORIGIN,
    ...participantCountries().map((c) => ({
      value: c.iso2,
      label:
        c.iso2 === 'US'
          ? `${c.name} (only a stone recovered in the US, never imported)`
          : withVariants(c.iso2, c.name),
    })),
  ];
}

/** The destinations with their variants, for a text input's suggestions. */
export function destinationSuggestions(): CountryOption[] {
  return destinationCandidates().map((c) => ({
    value: c.iso2,
    label: withVariants(c.iso2, c.name),
  }));
}

export function destinationOptions(): CountryOption[] {
  // An export from the US never goes to the US.
  return destinationCandidates().map((c) => ({ value: c.iso2, label: c.name }));
}
