// "Copy from a previous certificate" (issue 15): a repeat shipment starts as a new draft on the
// next blank form with the earlier certificate's parties, goods and route. What belongs to the
// one shipment is not copied: the form number (a number is never reused, 31 CFR 592.307(c)),
// the dates of issue and expiry (a new draft's own: today and the latest expiry the rules allow),
// the ITN (each export files its own EEI, 31 CFR 592.301(a)(5)) and the AES licence number (the
// new form's digits, as AES must carry them).
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { aesLicenseNumber } from '../../../shared/domain/certificate-number';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import { latestExpiry, localToday } from './load-wizard';

export function draftCopiedFrom(
  source: CertificateDraft,
  number: string,
  settings: ValidationSettings,
  today: string = localToday(),
): CertificateDraft {
  return {
    ...source,
    number,
    dateOfIssue: today,
    dateOfExpiry: latestExpiry(today, settings.expiryMaxDays),
    itn: '',
    ...(source.aes === undefined
      ? {}
      : { aes: { ...source.aes, licenseNumber: aesLicenseNumber(number) } }),
  };
}
