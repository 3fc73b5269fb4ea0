import { CERTIFICATE_NUMBER, normalizeCertificateNumber } from '../certificate-number';
import type { CertificateDraft } from '../certificate-draft';
import type { Finding } from '../finding';
import { sources } from '../sources';
import type { ValidationContext } from '../validation-report';
import { error } from './finding-builder';

export function checkNumber(draft: CertificateDraft, context: ValidationContext): Finding[] {
  const number = normalizeCertificateNumber(draft.number);
  if (number === '') {
    return [
      error(
        'NUMBER_MISSING',
        'number',
        'Enter the certificate number printed on the USKPA form, e.g. US12345.',
        sources.number,
      ),
    ];
  }
  // A number from another country's certificate (e.g. one received with an import) can never
  // serve for an export: agencies see import numbers reused (Census 2019).
  if (context.importCertificateNumbers?.has(number) === true) {
    return [
      error(
        'NUMBER_IS_IMPORT_CERTIFICATE',
        'number',
        `${number} is the number of a certificate you received on import. An export needs its own US certificate.`,
        sources.numberImport,
      ),
    ];
  }
  if (/^[A-Z]{2}/.test(number) && !number.startsWith('US')) {
    return [
      error(
        'NUMBER_NOT_US',
        'number',
        `A US certificate number starts with "US"; "${number.slice(0, 2)}" is another country's prefix, as on an import certificate.`,
        sources.numberImport,
      ),
    ];
  }
  if (/^US0+[1-9]\d*$/.test(number)) {
    return [
      error(
        'NUMBER_ZERO_PADDED',
        'number',
        `Write the number without leading zeros: ${number.replace(/^US0+/, 'US')}.`,
        sources.number,
      ),
    ];
  }
  if (!CERTIFICATE_NUMBER.test(number)) {
    return [
      error(
        'NUMBER_FORMAT',
        'number',
        'The number must be "US" followed by the form\'s digits (at least five), e.g. US12345.',
        sources.number,
      ),
    ];
  }
  if (context.usedNumbers?.has(number) === true) {
    return [
      error(
        'NUMBER_ALREADY_USED',
        'number',
        `${number} was already used or voided. A certificate number is never used twice.`,
        sources.numberUnique,
      ),
    ];
  }
  return [];
}
