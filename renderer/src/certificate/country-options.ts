// The suggestions offered in the country inputs: every country covered by an active KP
// Participant (31 CFR 592.308). The user may still type any code; the rules judge it.
import { participantCountries } from '../../../shared/reference/reference-data';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';

export type CountryOption = { value: string; label: string };

/** "****" marks a shipment with a parcel of mixed origin (31 CFR 592.307(b)). */
export const MIXED_ORIGIN: CountryOption = { value: '****', label: 'Mixed origin' };

export function originOptions(settings: ValidationSettings): CountryOption[] {
  // The US has no commercial production; it is offered only when the licensee has enabled stones
  // from Crater of Diamonds State Park (validation-settings.ts).
  const countries = participantCountries().filter(
    (c) => c.iso2 !== 'US' || settings.allowUsOriginForCraterOfDiamonds,
  );
  return [MIXED_ORIGIN, ...countries.map((c) => ({ value: c.iso2, label: c.name }))];
}

export function destinationOptions(): CountryOption[] {
  // An export from the US never goes to the US.
  return participantCountries()
    .filter((c) => c.iso2 !== 'US')
    .map((c) => ({ value: c.iso2, label: c.name }));
}
