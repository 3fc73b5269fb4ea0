// The certificate once its draft passes every rule: exact integers for carats (hundredths) and
// US$ (cents), normalised codes. This is what the vault stores and the documents print; the
// draft is only what was typed.
import { normalizeCertificateNumber } from './certificate-number';
import type { CertificateDraft, DomesticRecovery, Party } from './certificate-draft';
import { StoredCertificateDraftSchema } from './certificate-draft';
import { formatHundredths, readHundredths } from './decimal';
import { normalizeItn } from './itn';
import { normalizeHsCode } from './rules/hs-code-rules';
import { validateCertificate } from './validate-certificate';
import type { ValidationContext, ValidationReport } from './validation-report';

export type Certificate = {
  number: string;
  /** ISO 3166-1 alpha-2 code, or "****" for mixed origin. */
  countryOfOrigin: string;
  dateOfIssue: string;
  dateOfExpiry: string;
  exportDate: string;
  exporter: Party;
  consignee: Party;
  destinationCountry: string;
  caratHundredths: number;
  valueCents: number;
  parcels: number;
  hsCode: string;
  /** Empty until the AES filing is accepted (state DRAFT). */
  itn: string;
  /** Only with origin "US": where the stone was recovered, declared not imported (592.307(b)). */
  domesticRecovery?: DomesticRecovery;
};

export type CertificateReading = { report: ValidationReport; certificate: Certificate | null };

function exact(text: string): number {
  const reading = readHundredths(text);
  if (reading.kind !== 'ok')
    throw new Error('exact() is called only on amounts the rules accepted');
  return reading.hundredths;
}

const trimmed = (party: Party): Party => ({
  name: party.name.trim(),
  address: party.address.trim(),
});

/** Checks the draft; when no rule reports an error, also gives the exact certificate. */
export function readCertificate(
  draft: CertificateDraft,
  context: ValidationContext,
): CertificateReading {
  const report = validateCertificate(draft, context);
  if (report.errorCount > 0) return { report, certificate: null };
  return {
    report,
    certificate: {
      number: normalizeCertificateNumber(draft.number),
      countryOfOrigin: draft.countryOfOrigin.trim().toUpperCase(),
      dateOfIssue: draft.dateOfIssue.trim(),
      dateOfExpiry: draft.dateOfExpiry.trim(),
      exportDate: draft.exportDate.trim(),
      exporter: trimmed(draft.exporter),
      consignee: trimmed(draft.consignee),
      destinationCountry: draft.destinationCountry.trim().toUpperCase(),
      caratHundredths: exact(draft.carats),
      valueCents: exact(draft.valueUsd),
      parcels: Number(draft.parcels.trim()),
      hsCode: normalizeHsCode(draft.hsCodes[0] ?? ''),
      itn: normalizeItn(draft.itn),
      ...(draft.domesticRecovery === undefined
        ? {}
        : {
            domesticRecovery: {
              site: draft.domesticRecovery.site.trim(),
              notImported: draft.domesticRecovery.notImported,
            },
          }),
    },
  };
}

/** The certificate written back as a draft, e.g. to edit it or to save it as JSON. */
export function certificateToDraft(certificate: Certificate): CertificateDraft {
  // A conversion, not input: the certificate's text is taken as it is (as stored).
  return StoredCertificateDraftSchema.parse({
    number: certificate.number,
    countryOfOrigin: certificate.countryOfOrigin,
    dateOfIssue: certificate.dateOfIssue,
    dateOfExpiry: certificate.dateOfExpiry,
    exportDate: certificate.exportDate,
    exporter: certificate.exporter,
    consignee: certificate.consignee,
    destinationCountry: certificate.destinationCountry,
    carats: formatHundredths(certificate.caratHundredths),
    valueUsd: formatHundredths(certificate.valueCents),
    parcels: String(certificate.parcels),
    hsCodes: [certificate.hsCode],
    itn: certificate.itn,
    domesticRecovery: certificate.domesticRecovery,
  });
}
