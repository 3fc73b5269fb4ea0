// A country field that accepts a name as well as a code (issue 16): when the user leaves the
// field, a whole name, native name or variant ("Belgium", "België", "Deutschland") becomes the
// code the certificate stores; anything else stays as typed and the rules judge it.
import type { CountryCandidate } from '../../../shared/domain/country-search';
import { countryCodeFor } from '../../../shared/domain/country-search';
import type { TextFieldBinding } from './TextField';

export function acceptCountryNames(
  binding: TextFieldBinding,
  candidates: readonly CountryCandidate[],
): TextFieldBinding {
  return {
    ...binding,
    onLeave: () => {
      const code = countryCodeFor(binding.value, candidates);
      if (code !== null && code !== binding.value) binding.onValueChange(code);
      binding.onLeave();
    },
  };
}
