// The channels of the vault's trust list (issue 11: a trust list configured in settings, e.g. a
// USKPA or commercial CA). Certificates cross as summaries; the file to add is chosen in main's
// open dialog (electron/core/file-dialogs.ts), never named by the renderer, and a closed dialog
// answers { cancelled: true } with nothing read.
import { z } from 'zod';
import { personText } from '../records/person-text';
import { CancelledSchema } from './documents-contract';

const noInput = z.object({}).strict();

/** SHA-256 as Node prints it: 32 upper-case hex pairs separated by colons. */
export const FingerprintSha256Schema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'A SHA-256 fingerprint is 32 pairs like "AB:CD:…".');

export const TrustedCertificateSchema = z
  .object({
    /** What the administrator called it ("USKPA root"). */
    label: z.string(),
    /** "C=US, O=…, CN=…". */
    subject: z.string(),
    issuer: z.string(),
    /** SHA-256 of the certificate, "AB:CD:…", to read out over the phone and compare. */
    fingerprintSha256: FingerprintSha256Schema,
    validFrom: z.string(),
    validTo: z.string(),
    /** A certification authority (trusts what it issued) or one signer's own certificate. */
    kind: z.enum(['certification-authority', 'signing-certificate']),
    addedAt: z.string(),
    /** The display name of the administrator who added it (null if that user is gone). */
    addedBy: z.string().nullable(),
  })
  .strict();
export type TrustedCertificate = z.infer<typeof TrustedCertificateSchema>;

export const AddTrustedCertificateSchema = z
  .object({
    label: personText('name', 'name of the certificate')
      .trim()
      .min(1, 'Give the certificate a name you will recognise, such as "USKPA root".')
      .max(200, 'A name of at most 200 characters.'),
  })
  .strict();

export const RemoveTrustedCertificateSchema = z
  .object({ fingerprintSha256: FingerprintSha256Schema })
  .strict();

export const trustContract = {
  /** Every signed-in role, reviewers included. */
  'trust:list': { input: noInput, output: z.array(TrustedCertificateSchema) },
  /** Administrators only; the file comes from main's open dialog. */
  'trust:add': {
    input: AddTrustedCertificateSchema,
    output: z.union([TrustedCertificateSchema, CancelledSchema]),
  },
  /** Administrators only; the row is kept, marked removed. */
  'trust:remove': {
    input: RemoveTrustedCertificateSchema,
    output: z.object({ removed: TrustedCertificateSchema }).strict(),
  },
} as const;
