// The suggestions offered in the country inputs: every country covered by an active KP
// Participant (31 CFR 592.308). The user may still type any code; the rules judge it.
import { participantCountries } from '../../../shared/reference/reference-data';

export type CountryOption = { value: string; label: string };

/** "****" marks a shipment with a parcel of mixed origin (31 CFR 592.307(b)). */
export const MIXED_ORIGIN: CountryOption = { value: '****', label: 'Mixed origin' };

export function originOptions(): CountryOption[] {
  // "US" is offered with what it means: only a stone recovered in the United States and never
  // imported, which the certificate then declares (31 CFR 592.307(b); origin-rules.ts).
  return [
    MIXED_ORIGIN,
    ...participantCountries().map((c) => ({
      value: c.iso2,
      label:
        c.iso2 === 'US' ? `${c.name} (only a stone recovered in the US, never imported)` : c.name,
    })),
  ];
}

export function destinationOptions(): CountryOption[] {
  // An export from the US never goes to the US.
  return participantCountries()
    .filter((c) => c.iso2 !== 'US')
    .map((c) => ({ value: c.iso2, label: c.name }));
}
