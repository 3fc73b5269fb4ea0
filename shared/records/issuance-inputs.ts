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

export const UpdateDraftSchema = z
  .object({ id, draft: CertificateDraftSchema, expectedVersion: z.number().int().min(1) })
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
    note: line(2000).default(''),
  })
  .strict();
