// The longest certificate the rules accept: names and addresses at the printed-length limits
// (shared/domain/rules/printed-length-rules.ts) in the widest Latin letters of the font, in
// words as a name has them, a 10-digit number and the largest exact amounts (2^53 − 1
// hundredths): the longest seal payload too (docs/seal.md: about 580 characters).
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import {
  ADDRESS_CHARACTERS_PER_LINE,
  NAME_CHARACTERS_PER_LINE,
  NAME_MAX_CHARACTERS,
  PARTY_BOX_LINES,
} from '../../../shared/domain/rules/printed-length-rules';
import { draftWith } from './certificate-fixtures';

/** `length` characters of wide capitals in words of eight: "ŒWMŒÆWMŒ ŒWMŒÆWMŒ …". */
export function wideText(length: number): string {
  const word = 'ŒWMŒÆWMŒ';
  let text = '';
  while (text.length < length) text += text.length % 9 === 8 ? ' ' : (word[text.length % 9] ?? 'W');
  return text.trimEnd().padEnd(length, 'W');
}

export function longestDraft(): CertificateDraft {
  const addressLines = PARTY_BOX_LINES - NAME_MAX_CHARACTERS / NAME_CHARACTERS_PER_LINE;
  const address = (last: string) =>
    [
      ...Array.from({ length: addressLines - 1 }, () => wideText(ADDRESS_CHARACTERS_PER_LINE)),
      `${wideText(ADDRESS_CHARACTERS_PER_LINE - last.length - 1)} ${last}`,
    ].join('\n');
  return draftWith({
    number: 'US9876543210',
    carats: '90071992547409.91',
    valueUsd: '90071992547409.91',
    parcels: '9007199254740991',
    // US$ 1 per carat: within the usual range for unsorted rough (price-plausibility-rules.ts).
    hsCodes: ['7102.10'],
    exporter: { name: wideText(NAME_MAX_CHARACTERS), address: address('United States') },
    consignee: { name: wideText(NAME_MAX_CHARACTERS), address: address('Belgium') },
  });
}
