// The inputs of the issuance operations, each a .strict() schema: anything unknown or malformed
// is INVALID_INPUT naming the field, before the vault is touched.
import { z } from 'zod';
import { CertificateDraftSchema } from '../domain/certificate-draft';

const id = z.number().int().min(1);
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');
const line = (max: number) => z.string().trim().max(max);

export const CreateDraftSchema = z
  .object({ number: z.string().max(40), draft: CertificateDraftSchema })
  .strict();

/**
 * Packaging as typed while drafting: every entry may still be empty or missing, and text is kept
 * as typed (seal numbers one per line). PackagingSchema is enforced at issue, not here.
 */
export const DraftPackagingSchema = z
  .object({
    containerType: z.string().max(200, 'The kind of container is longer than 200 characters.'),
    otherDescription: z
      .string()
      .max(500, 'The description of the container is longer than 500 characters.'),
    meetsDefinition: z.boolean(),
    parcelsInContainer: z
      .string()
      .max(20, 'The number of parcels in the container is longer than 20 characters.'),
    seals: z.string().max(5000, 'The seal numbers are longer than 5,000 characters in all.'),
    numberOnContainer: z.boolean(),
  })
  .partial()
  .strict();

export type DraftPackaging = z.output<typeof DraftPackagingSchema>;

export const warrantyWordings = ['revised', 'original'] as const;

/**
 * The warranty as typed while drafting. The attestation is not part of it: the licensee gives it
 * at issue (certificates:issue), never by resuming a draft someone else ticked.
 */
export const DraftWarrantySchema = z
  .object({
    wording: z.enum(warrantyWordings),
    invoices: z.string().max(5000, 'The invoice numbers are longer than 5,000 characters in all.'),
  })
  .partial()
  .strict();

export type DraftWarranty = z.output<typeof DraftWarrantySchema>;

/** packaging/warranty: when given, they replace the draft's; when left out, they stay as saved. */
export const UpdateDraftSchema = z
  .object({
    id,
    draft: CertificateDraftSchema,
    expectedVersion: z.number().int().min(1),
    packaging: DraftPackagingSchema.optional(),
    warranty: DraftWarrantySchema.optional(),
  })
  .strict();

export const RecordItnSchema = z.object({ id, itn: z.string().max(40) }).strict();

/** How the parcels were packed and sealed for shipment (USKPA: tamper-resistant container). */
export const PackagingSchema = z
  .object({
    description: line(500).min(
      1,
      'Describe the packaging, e.g. "2 sealed parcels in a tamper-resistant box".',
    ),
    sealNumbers: z.array(line(100).min(1)).max(50).default([]),
  })
  .strict();

/** The System of Warranties statement and the invoices it appears on (WDC SoW). */
export const WarrantySchema = z
  .object({
    statement: line(2000).min(1, 'Enter the warranty statement printed on the invoice.'),
    invoiceNumbers: z.array(line(100).min(1)).max(50).default([]),
  })
  .strict();

export const IssueSchema = z
  .object({ id, attested: z.boolean(), packaging: PackagingSchema, warranty: WarrantySchema })
  .strict();

export const ShipSchema = z.object({ id, shipDate: isoDate }).strict();

export const DeliverSchema = z.object({ id, importConfirmed: z.boolean() }).strict();

export const VoidSchema = z
  .object({ id, reason: z.string().max(200), notes: line(2000).default('') })
  .strict();

export const ExpireSchema = z.object({ id, today: isoDate }).strict();

export const RequestEditSchema = z
  .object({
    id,
    proposed: CertificateDraftSchema,
    reason: line(2000).min(1, 'Explain why the certificate needs correcting.'),
  })
  .strict();

/** editRequests:list: newest first, optionally of one status and/or one certificate. */
export const EditRequestListSchema = z
  .object({
    status: z.enum(['pending', 'approved', 'rejected']).optional(),
    certificateId: id.optional(),
  })
  .strict();

export const DecideEditSchema = z
  .object({
    requestId: id,
    decision: z.enum(['approve', 'reject']),
    // The decision is part of the record reviewers read later: never without its reason.
    note: line(2000).min(
      1,
      'Write a note explaining the decision (what was checked, or why it is refused).',
    ),
  })
  .strict();
