// The certificate as a licensee enters it: in the form, in a certificate JSON file
// (docs/certificate-format.md) or over IPC. Every value is text, exactly as typed, so that a
// mistake becomes a finding on its field (validate-certificate.ts) instead of a parse failure,
// and so that carats and US$ stay exact decimals until they are read into integer hundredths
// and cents (decimal.ts). Unknown keys are rejected: a typo such as "consigne" must not be
// silently ignored.
import { z } from 'zod';
import { personText } from '../records/person-text';
import type { TextKind } from '../records/person-text';

/** How a draft's text field is read: what it is, and its label in personText's messages. */
type TextOf = (kind: TextKind, label: string) => z.ZodString;

/**
 * Typed text enters through personText (shared/records/person-text.ts: no control or direction
 * characters, nothing invisible inside a name or a code, NFC); it is not trimmed, so that it
 * stays as typed. Every field but the addresses is a name or a code (number, dates, amounts).
 */
const typed: TextOf = (kind, label) => personText(kind, label);
/** A draft read back from the vault is shown as stored, even one saved before that rule. */
const asStored: TextOf = () => z.string();

function draftSchema(textOf: TextOf) {
  const text = (kind: TextKind, label: string, description: string) =>
    textOf(kind, label).max(2000).default('').describe(description);

  const party = (whose: string) =>
    z
      .object({
        name: text('name', `${whose} name`, 'Legal name.'),
        address: text('lines', `${whose} address`, 'Full postal address on one or more lines.'),
      })
      .strict();

  const aes = z
    .object({
      licenseType: text(
        'name',
        'AES licence type',
        'Licence type as keyed in AES; must be T12 for a KP certificate.',
      ),
      licenseNumber: text(
        'name',
        'AES licence number',
        'Licence number as keyed in AES: the certificate digits without "US".',
      ),
      licenseValue: text(
        'name',
        'AES licence value',
        'Licence value as keyed in AES: the KP value in US$.',
      ),
      fromForeignTradeZone: z
        .boolean()
        .default(false)
        .describe('True when the goods leave from a foreign trade zone.'),
      ftzNumber: text(
        'name',
        'foreign trade zone number',
        'Foreign trade zone number, required when leaving from an FTZ.',
      ),
    })
    .strict()
    .describe('What was keyed into AES (Electronic Export Information), when known.');

  // 31 CFR 592.307(b): the origin is where the diamonds were mined. "US" is right only for a
  // stone recovered in the United States (Crater of Diamonds State Park, Arkansas, is the one
  // public source) and never imported; re-exported imports declared as US origin are a common
  // Census finding. So a US origin is accepted only with this declaration, made for the one
  // certificate (a global switch would let a re-export through). Optional: old files and vault
  // records, made before it existed, read unchanged.
  const domesticRecovery = z
    .object({
      site: text(
        'line',
        'domestic-recovery site',
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

  return {
    party: party('party’s'),
    aes,
    domesticRecovery,
    draft: z
      .object({
        number: text(
          'name',
          'certificate number',
          'Certificate number: "US" + the digits of the purchased form, e.g. "US12345".',
        ),
        countryOfOrigin: text(
          'name',
          'country of origin',
          'ISO 3166-1 alpha-2 code of the KP Participant where the diamonds were mined, or "****" for mixed origin.',
        ),
        dateOfIssue: text('name', 'date of issue', 'Date of issue, YYYY-MM-DD.'),
        dateOfExpiry: text('name', 'date of expiry', 'Date of expiry, YYYY-MM-DD.'),
        exportDate: text(
          'name',
          'date of export',
          'Planned date of export (departure), YYYY-MM-DD.',
        ),
        exporter: party('exporter’s').default({ name: '', address: '' }).describe('The exporter.'),
        consignee: party('consignee’s')
          .default({ name: '', address: '' })
          .describe('The ultimate consignee; the address must name the country of destination.'),
        destinationCountry: text(
          'name',
          'country of destination',
          'ISO 3166-1 alpha-2 code of the country of destination.',
        ),
        carats: text(
          'name',
          'carat weight',
          'Carat weight, a decimal with at most two places, e.g. "12.34".',
        ),
        valueUsd: text(
          'name',
          'value in US$',
          'Value in US$, a decimal with at most two places, e.g. "15000.00".',
        ),
        parcels: text('name', 'number of parcels', 'Number of parcels, a whole number, e.g. "2".'),
        hsCodes: z
          .array(textOf('name', 'HS code').max(40))
          .max(20)
          .default([])
          .describe(
            'HS code(s); a certificate must have exactly one of 7102.10, 7102.21, 7102.31.',
          ),
        itn: text(
          'name',
          'ITN',
          'AES Internal Transaction Number, e.g. "X20261127123456"; empty until filed.',
        ),
        aes: aes.optional(),
        domesticRecovery: domesticRecovery.optional(),
      })
      .strict(),
  };
}

const typedSchemas = draftSchema(typed);

export const PartySchema = typedSchemas.party;
export const AesEntrySchema = typedSchemas.aes;
export const DomesticRecoverySchema = typedSchemas.domesticRecovery;
/** The certificate as typed (forms, files, IPC): every text field through personText. */
export const CertificateDraftSchema = typedSchemas.draft;
/**
 * The same shape read back from the vault (record outputs, stored correction proposals): text
 * as stored, so a record saved before the text rule stays readable for its ten years. Issuing
 * or approving one still checks it with CertificateDraftSchema (check-certificate.ts).
 */
export const StoredCertificateDraftSchema = draftSchema(asStored).draft;

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
