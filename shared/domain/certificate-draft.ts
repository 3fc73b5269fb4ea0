// The certificate as a licensee enters it: in the form, in a certificate JSON file
// (docs/certificate-format.md) or over IPC. Every value is text, exactly as typed, so that a
// mistake becomes a finding on its field (validate-certificate.ts) instead of a parse failure,
// and so that carats and US$ stay exact decimals until they are read into integer hundredths
// and cents (decimal.ts). Unknown keys are rejected: a typo such as "consigne" must not be
// silently ignored.
import { z } from 'zod';

const text = (description: string) => z.string().max(2000).default('').describe(description);

export const PartySchema = z
  .object({
    name: text('Legal name.'),
    address: text('Full postal address on one or more lines.'),
  })
  .strict();

export const AesEntrySchema = z
  .object({
    licenseType: text('Licence type as keyed in AES; must be T12 for a KP certificate.'),
    licenseNumber: text('Licence number as keyed in AES: the certificate digits without "US".'),
    licenseValue: text('Licence value as keyed in AES: the KP value in US$.'),
    fromForeignTradeZone: z
      .boolean()
      .default(false)
      .describe('True when the goods leave from a foreign trade zone.'),
    ftzNumber: text('Foreign trade zone number, required when leaving from an FTZ.'),
  })
  .strict()
  .describe('What was keyed into AES (Electronic Export Information), when known.');

export const CertificateDraftSchema = z
  .object({
    number: text('Certificate number: "US" + the digits of the purchased form, e.g. "US12345".'),
    countryOfOrigin: text(
      'ISO 3166-1 alpha-2 code of the KP Participant where the diamonds were mined, or "****" for mixed origin.',
    ),
    dateOfIssue: text('Date of issue, YYYY-MM-DD.'),
    dateOfExpiry: text('Date of expiry, YYYY-MM-DD.'),
    exportDate: text('Planned date of export (departure), YYYY-MM-DD.'),
    exporter: PartySchema.default({ name: '', address: '' }).describe('The exporter.'),
    consignee: PartySchema.default({ name: '', address: '' }).describe(
      'The ultimate consignee; the address must name the country of destination.',
    ),
    destinationCountry: text('ISO 3166-1 alpha-2 code of the country of destination.'),
    carats: text('Carat weight, a decimal with at most two places, e.g. "12.34".'),
    valueUsd: text('Value in US$, a decimal with at most two places, e.g. "15000.00".'),
    parcels: text('Number of parcels, a whole number, e.g. "2".'),
    hsCodes: z
      .array(z.string().max(40))
      .max(20)
      .default([])
      .describe('HS code(s); a certificate must have exactly one of 7102.10, 7102.21, 7102.31.'),
    itn: text('AES Internal Transaction Number, e.g. "X20261127123456"; empty until filed.'),
    aes: AesEntrySchema.optional(),
  })
  .strict();

/** A draft after parsing: every field present. */
export type CertificateDraft = z.output<typeof CertificateDraftSchema>;
/** What may be written (missing fields default to empty). */
export type CertificateDraftInput = z.input<typeof CertificateDraftSchema>;
export type Party = z.output<typeof PartySchema>;
export type AesEntry = z.output<typeof AesEntrySchema>;

/** Every field a finding can point at: the form shows the finding next to this field. */
export const certificateFields = [
  'number',
  'countryOfOrigin',
  'dateOfIssue',
  'dateOfExpiry',
  'exportDate',
  'exporter.name',
  'exporter.address',
  'consignee.name',
  'consignee.address',
  'destinationCountry',
  'carats',
  'valueUsd',
  'parcels',
  'hsCodes',
  'itn',
  'aes.licenseType',
  'aes.licenseNumber',
  'aes.licenseValue',
  'aes.ftzNumber',
] as const;

export type CertificateField = (typeof certificateFields)[number];

export function emptyDraft(): CertificateDraft {
  return CertificateDraftSchema.parse({});
}
