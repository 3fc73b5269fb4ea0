// What the certificate page can hold (issue 11, point 8): a text too long for its box is refused
// here, as a finding on its field, instead of failing at issuance. The limits come from the
// layout (electron/core/documents/layout/form-positions.ts and fit-text.ts): the exporter's and
// the consignee's boxes print at most 7 lines, 492 pt wide, shrinking to 7 pt type. At 7 pt the
// widest Latin letter ("Œ", 1.167 em in bold, 1.070 em in regular) fits 60 times a line in bold
// (the name) and 65 times in regular (the address); the limits below keep about 15 % of that
// for word wrapping, which breaks lines at spaces. A text within them, in Latin letters, always
// fits; a text of unusually wide signs (e.g. "‱", "Ǆ") may still be refused at issuance by
// the layout itself (DOCUMENT_TEXT_TOO_LONG, naming the field). The certificate number prints
// on one line at the top and the bottom of the page, and in the seal.
import { normalizeCertificateNumber } from '../certificate-number';
import type { CertificateDraft, CertificateField, Party } from '../certificate-draft';
import type { Finding, FindingCode } from '../finding';
import { sources } from '../sources';
import { error } from './finding-builder';

/** Lines the exporter's and the consignee's boxes print (name and address together). */
export const PARTY_BOX_LINES = 7;
/** Characters of a name (bold) counted as one printed line. */
export const NAME_CHARACTERS_PER_LINE = 50;
/** Characters of an address line (regular) counted as one printed line. */
export const ADDRESS_CHARACTERS_PER_LINE = 55;
/** A name takes at most two lines of its box. */
export const NAME_MAX_CHARACTERS = 2 * NAME_CHARACTERS_PER_LINE;
/** "US" and at most 10 digits (the forms are numbered with 5 or 6 today). */
export const NUMBER_MAX_CHARACTERS = 12;

/** The text as the page prints it: NFC, any run of whitespace one space, trimmed. */
function printed(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Code points (a surrogate pair is one character, as the font prints it). */
const characters = (text: string): number =>
  text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length;

function lines(text: string, perLine: number): number {
  return Math.ceil(characters(text) / perLine);
}

type PartyCodes = { name: FindingCode; address: FindingCode };

function checkParty(
  party: Party,
  who: 'exporter' | 'consignee',
  codes: PartyCodes,
  label: string,
): Finding[] {
  const name = printed(party.name);
  if (characters(name) > NAME_MAX_CHARACTERS)
    return [
      error(
        codes.name,
        `${who}.name` as CertificateField,
        `The ${label}'s name has ${String(characters(name))} characters; the certificate prints at most ${String(NAME_MAX_CHARACTERS)} (two lines of its box). Write the legal name in its short form (e.g. "Co." for "Company").`,
        sources.printedLength,
      ),
    ];
  const addressLines = party.address
    .split(/\r\n|\r|\n/)
    .map(printed)
    .filter((line) => line !== '');
  const needed =
    lines(name, NAME_CHARACTERS_PER_LINE) +
    addressLines.reduce((sum, line) => sum + lines(line, ADDRESS_CHARACTERS_PER_LINE), 0);
  if (needed > PARTY_BOX_LINES)
    return [
      error(
        codes.address,
        `${who}.address` as CertificateField,
        `The ${label}'s name and address need about ${String(needed)} lines on the certificate; its box holds ${String(PARTY_BOX_LINES)} (about ${String(ADDRESS_CHARACTERS_PER_LINE)} characters a line). Shorten the address or write it on fewer lines.`,
        sources.printedLength,
      ),
    ];
  return [];
}

export function checkNumberLength(draft: CertificateDraft): Finding[] {
  const number = normalizeCertificateNumber(draft.number);
  if (characters(number) <= NUMBER_MAX_CHARACTERS) return [];
  return [
    error(
      'NUMBER_TOO_LONG',
      'number',
      `The number has ${String(characters(number))} characters; a certificate number is "US" and at most ${String(NUMBER_MAX_CHARACTERS - 2)} digits, as printed on the form.`,
      sources.number,
    ),
  ];
}

export function checkExporterLength(draft: CertificateDraft): Finding[] {
  return checkParty(
    draft.exporter,
    'exporter',
    { name: 'EXPORTER_NAME_TOO_LONG', address: 'EXPORTER_ADDRESS_TOO_LONG' },
    'exporter',
  );
}

export function checkConsigneeLength(draft: CertificateDraft): Finding[] {
  return checkParty(
    draft.consignee,
    'consignee',
    { name: 'CONSIGNEE_NAME_TOO_LONG', address: 'CONSIGNEE_ADDRESS_TOO_LONG' },
    'ultimate consignee',
  );
}
