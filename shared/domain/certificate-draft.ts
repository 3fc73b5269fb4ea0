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

// 31 CFR 592.307(b): the origin is where the diamonds were mined. "US" is right only for a stone
// recovered in the United States (Crater of Diamonds State Park, Arkansas, is the one public
// source) and never imported; re-exported imports declared as US origin are a common Census
// finding. So a US origin is accepted only with this declaration, made for the one certificate
// (a global switch would let a re-export through). Optional: old files and vault records, made
// before it existed, read unchanged.
export const DomesticRecoverySchema = z
  .object({
    site: text(
      'Where in the United States the stone was recovered, e.g. "Crater of Diamonds State Park, Murfreesboro, Arkansas".',
    ),
    notImported: z
      .boolean()
      .default(false)
      .describe(
        'True to declare that the diamonds were recovered in the United States and were never imported.',
      ),
  })
  .strict()
  .describe(
    'Domestic-recovery declaration: required when the country of origin is "US" (31 CFR 592.307(b)).',
  );

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
    domesticRecovery: DomesticRecoverySchema.optional(),
  })
  .strict();

/** A draft after parsing: every field present. */
export type CertificateDraft = z.output<typeof CertificateDraftSchema>;
/** What may be written (missing fields default to empty). */
export type CertificateDraftInput = z.input<typeof CertificateDraftSchema>;
export type Party = z.output<typeof PartySchema>;
export type AesEntry = z.output<typeof AesEntrySchema>;
export type DomesticRecovery = z.output<typeof DomesticRecoverySchema>;

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
  'domesticRecovery.site',
  'domesticRecovery.notImported',
] as const;

export type CertificateField = (typeof certificateFields)[number];

export function emptyDraft(): CertificateDraft {
  return CertificateDraftSchema.parse({});
}
