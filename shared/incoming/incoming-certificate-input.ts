// A foreign KP certificate received on an import, as the licensee types it from the paper (the
// registration form, `kpdesk incoming register FILE.json`, the IPC channel). Every value is text
// as typed, so that a mistake becomes a refusal on its own field (check-incoming-certificate.ts)
// instead of a parse failure; unknown keys are rejected so that a typo is never ignored.
import { z } from 'zod';
import { personText } from '../records/person-text';

const text = (kind: 'name' | 'line' | 'lines', label: string) =>
  personText(kind, label).max(2000).default('');

const party = (whose: string) =>
  z
    .object({
      name: text('name', `${whose} name`),
      address: text('lines', `${whose} address`),
    })
    .strict();

export const IncomingCertificateInputSchema = z
  .object({
    /** As printed on the foreign certificate, e.g. "BW 123456" (spaces and dashes dropped). */
    number: text('name', 'certificate number'),
    /** ISO 3166-1 alpha-2 code of the exporting Participant ("EU" or a member state for the EU). */
    exportingParticipant: text('name', 'exporting Participant'),
    issuingAuthority: text('line', 'issuing authority'),
    dateOfIssue: text('name', 'date of issue'),
    dateOfExpiry: text('name', 'date of expiry'),
    /** The US licensee, as named on the foreign certificate. */
    importer: party('importer'),
    /** The foreign exporter. */
    exporter: party('exporter'),
    parcels: text('name', 'number of parcels'),
    carats: text('name', 'carats'),
    valueUsd: text('name', 'value in US$'),
    hsCodes: z.array(text('name', 'HS code')).max(3).default([]),
    /** ISO codes of the countries of origin, or "****" for a shipment of mixed origin. */
    origins: z.array(text('name', 'origin')).max(20).default([]),
    portOfEntry: text('line', 'port of entry'),
    dateOfEntry: text('name', 'date of entry'),
  })
  .strict();

export type IncomingCertificateInput = z.input<typeof IncomingCertificateInputSchema>;
export type IncomingCertificateFields = z.output<typeof IncomingCertificateInputSchema>;

/** The record as read back from the vault (amounts as exact decimal text). */
export const IncomingCertificateSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    exportingParticipant: z.string(),
    issuingAuthority: z.string(),
    dateOfIssue: z.string(),
    dateOfExpiry: z.string(),
    importer: z.object({ name: z.string(), address: z.string() }).strict(),
    exporter: z.object({ name: z.string(), address: z.string() }).strict(),
    parcels: z.number().int(),
    carats: z.string(),
    valueUsd: z.string(),
    hsCodes: z.array(z.string()),
    origins: z.array(z.string()),
    portOfEntry: z.string(),
    dateOfEntry: z.string(),
    receiptDueOn: z.string(),
    receiptSentOn: z.string().nullable(),
    registeredAt: z.string(),
    scans: z.array(
      z
        .object({
          id: z.number().int(),
          fileName: z.string(),
          mediaType: z.string(),
          size: z.number().int(),
          sha256: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type IncomingCertificate = z.infer<typeof IncomingCertificateSchema>;
