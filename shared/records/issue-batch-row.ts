// One row of a bulk-issue file (`kpdesk issue-batch`, docs/import-format.md): a certificate to
// issue, flat so that a carrier's shipping system can write it as a CSV line or a JSON object,
// with the shipping system's own reference and what the issue step needs besides the
// certificate (packaging and warranty, as `kpdesk issue` takes them). The certificate fields
// stay text exactly as written, like a certificate file's (certificate-draft.ts), so a mistake
// becomes a finding on its field, checked by the same rules as everywhere else.
import { z } from 'zod';
import { personText } from './person-text';
import type { CertificateDraftInput, CertificateField } from '../domain/certificate-draft';

const cell = (description: string) => z.string().max(2000).default('').describe(description);
const list = (what: string) =>
  z
    .array(personText('name', what).trim().min(1, `An empty ${what}.`).max(100))
    .max(50)
    .default([])
    .describe(`${what.replace(/^./, (c) => c.toUpperCase())}s; in a CSV cell, separated by ";".`);

export const BatchRowSchema = z
  .object({
    reference: personText('name', 'reference')
      .trim()
      .min(1, 'Give each row its reference from your shipping system (an order or shipment id).')
      .max(100, 'The reference is longer than 100 characters.')
      .describe(
        'Your own reference for this shipment, unique for ever: a row whose reference was already issued is reported, never issued again.',
      ),
    number: cell(
      'Certificate number, "US" + the form\'s digits; empty: the lowest number available in stock.',
    ),
    countryOfOrigin: cell('ISO 3166-1 alpha-2 code of the country of origin, or "****" (mixed).'),
    dateOfIssue: cell('Date of issue, YYYY-MM-DD.'),
    dateOfExpiry: cell('Date of expiry, YYYY-MM-DD.'),
    exportDate: cell('Planned date of export, YYYY-MM-DD.'),
    exporterName: cell('Exporter: legal name.'),
    exporterAddress: cell('Exporter: full postal address.'),
    consigneeName: cell('Ultimate consignee: legal name.'),
    consigneeAddress: cell('Ultimate consignee: full address, naming the country of destination.'),
    destinationCountry: cell('ISO 3166-1 alpha-2 code of the country of destination.'),
    carats: cell('Carat weight, at most two decimals, e.g. "12.34".'),
    valueUsd: cell('Value in US$, at most two decimals, e.g. "15000.00".'),
    parcels: cell('Number of parcels, a whole number.'),
    hsCode: cell('HS code: 7102.10, 7102.21 or 7102.31 (one per certificate).'),
    itn: cell('AES ITN, e.g. "X20261127123456" (31 CFR 592.301(a)(5)).'),
    aesLicenseType: cell('As keyed in AES (optional): T12.'),
    aesLicenseNumber: cell('As keyed in AES (optional): the number\'s digits without "US".'),
    aesLicenseValue: cell('As keyed in AES (optional): the KP value in US$.'),
    fromForeignTradeZone: z
      .boolean({ error: 'Write true or false.' })
      .default(false)
      .describe('The goods leave from a foreign trade zone; in CSV true/false (or yes/no, 1/0).'),
    ftzNumber: cell('Foreign trade zone number, required when leaving from an FTZ.'),
    domesticRecoverySite: cell(
      'US origin only: where in the United States the stones were recovered (31 CFR 592.307(b)).',
    ),
    domesticRecoveryNotImported: z
      .boolean({ error: 'Write true or false.' })
      .default(false)
      .describe(
        'US origin only: true to declare the stones were recovered in the United States and never imported.',
      ),
    packaging: personText('lines', 'packaging')
      .trim()
      .min(1, 'Describe the tamper-resistant container, e.g. "2 parcels in a sealed box".')
      .max(500)
      .describe('The tamper-resistant container (31 CFR 592.301(a)(2)).'),
    sealNumbers: list('seal number'),
    warranty: personText('lines', 'warranty statement')
      .trim()
      .min(1, 'Give the System of Warranties statement printed on the invoice.')
      .max(2000)
      .describe('The System of Warranties statement on the invoice.'),
    invoiceNumbers: list('invoice number'),
  })
  .strict();

export type BatchRow = z.output<typeof BatchRowSchema>;

/** The columns a CSV file may have (its header), in the documented order. */
export const batchColumns = Object.keys(BatchRowSchema.shape) as readonly (keyof BatchRow)[];

/** The columns that must be in a CSV header: a row cannot be issued without them. */
export const requiredBatchColumns = ['reference', 'packaging', 'warranty'] as const;

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0', '']);
const LIST_COLUMNS = new Set(['sealNumbers', 'invoiceNumbers']);

/** A CSV line's cells (all text) as the row object the schema reads. */
export function batchRowFromCsvCells(cells: Readonly<Record<string, string>>): unknown {
  const row: Record<string, unknown> = {};
  for (const [column, text] of Object.entries(cells)) {
    if (LIST_COLUMNS.has(column))
      row[column] = text
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part !== '');
    else if (column === 'fromForeignTradeZone' || column === 'domesticRecoveryNotImported') {
      const word = text.trim().toLowerCase();
      // Anything else stays text, so the schema refuses it naming the column.
      row[column] = TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : text;
    } else row[column] = text;
  }
  return row;
}

/** The certificate a row describes, as a certificate file would hold it. */
export function draftOfBatchRow(row: BatchRow, number: string): CertificateDraftInput {
  const aesGiven =
    row.aesLicenseType.trim() !== '' ||
    row.aesLicenseNumber.trim() !== '' ||
    row.aesLicenseValue.trim() !== '' ||
    row.fromForeignTradeZone ||
    row.ftzNumber.trim() !== '';
  return {
    number,
    countryOfOrigin: row.countryOfOrigin,
    dateOfIssue: row.dateOfIssue,
    dateOfExpiry: row.dateOfExpiry,
    exportDate: row.exportDate,
    exporter: { name: row.exporterName, address: row.exporterAddress },
    consignee: { name: row.consigneeName, address: row.consigneeAddress },
    destinationCountry: row.destinationCountry,
    carats: row.carats,
    valueUsd: row.valueUsd,
    parcels: row.parcels,
    hsCodes: row.hsCode.trim() === '' ? [] : [row.hsCode],
    itn: row.itn,
    ...(aesGiven
      ? {
          aes: {
            licenseType: row.aesLicenseType,
            licenseNumber: row.aesLicenseNumber,
            licenseValue: row.aesLicenseValue,
            fromForeignTradeZone: row.fromForeignTradeZone,
            ftzNumber: row.ftzNumber,
          },
        }
      : {}),
    ...(row.domesticRecoverySite.trim() !== '' || row.domesticRecoveryNotImported
      ? {
          domesticRecovery: {
            site: row.domesticRecoverySite,
            notImported: row.domesticRecoveryNotImported,
          },
        }
      : {}),
  };
}

/** The batch column a finding on a certificate field points at. */
export const batchColumnOfField: Record<CertificateField, keyof BatchRow> = {
  number: 'number',
  countryOfOrigin: 'countryOfOrigin',
  dateOfIssue: 'dateOfIssue',
  dateOfExpiry: 'dateOfExpiry',
  exportDate: 'exportDate',
  'exporter.name': 'exporterName',
  'exporter.address': 'exporterAddress',
  'consignee.name': 'consigneeName',
  'consignee.address': 'consigneeAddress',
  destinationCountry: 'destinationCountry',
  carats: 'carats',
  valueUsd: 'valueUsd',
  parcels: 'parcels',
  hsCodes: 'hsCode',
  itn: 'itn',
  'aes.licenseType': 'aesLicenseType',
  'aes.licenseNumber': 'aesLicenseNumber',
  'aes.licenseValue': 'aesLicenseValue',
  'aes.ftzNumber': 'ftzNumber',
  'domesticRecovery.site': 'domesticRecoverySite',
  'domesticRecovery.notImported': 'domesticRecoveryNotImported',
};
