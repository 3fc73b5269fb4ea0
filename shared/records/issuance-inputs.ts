// The inputs of the issuance operations, each a .strict() schema: anything unknown or malformed
// is INVALID_INPUT naming the field, before the vault is touched.
import { z } from 'zod';
import { personText } from './person-text';
import { CertificateDraftSchema } from '../domain/certificate-draft';

const id = z.number().int().min(1);
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');
/** One line of typed text (personText: no control or direction characters), trimmed. */
const line = (max: number, label: string) => personText('line', label).trim().max(max);
/** A number such as a seal or invoice number: one line, nothing invisible inside, trimmed. */
const code = (max: number, label: string) => personText('name', label).trim().max(max);
/** Typed text on several lines (notes, reasons, a statement), trimmed. */
const lines = (max: number, label: string) => personText('lines', label).trim().max(max);

export const CreateDraftSchema = z
  .object({ number: z.string().max(40), draft: CertificateDraftSchema })
  .strict();

/**
 * Packaging as typed while drafting: every entry may still be empty or missing, and text is kept
 * as typed (seal numbers one per line). PackagingSchema is enforced at issue, not here.
 */
export const DraftPackagingSchema = z
  .object({
    containerType: personText('line', 'kind of container').max(
      200,
      'The kind of container is longer than 200 characters.',
    ),
    otherDescription: personText('lines', 'description of the container').max(
      500,
      'The description of the container is longer than 500 characters.',
    ),
    meetsDefinition: z.boolean(),
    parcelsInContainer: personText('line', 'number of parcels in the container').max(
      20,
      'The number of parcels in the container is longer than 20 characters.',
    ),
    seals: personText('lines', 'seal numbers').max(
      5000,
      'The seal numbers are longer than 5,000 characters in all.',
    ),
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
    invoices: personText('lines', 'invoice numbers').max(
      5000,
      'The invoice numbers are longer than 5,000 characters in all.',
    ),
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
    description: line(500, 'description of the packaging').min(
      1,
      'Describe the packaging, e.g. "2 sealed parcels in a tamper-resistant box".',
    ),
    sealNumbers: z.array(code(100, 'seal number').min(1)).max(50).default([]),
  })
  .strict();

/** The System of Warranties statement and the invoices it appears on (WDC SoW). */
export const WarrantySchema = z
  .object({
    statement: lines(2000, 'warranty statement').min(
      1,
      'Enter the warranty statement printed on the invoice.',
    ),
    invoiceNumbers: z.array(code(100, 'invoice number').min(1)).max(50).default([]),
  })
  .strict();

export const IssueSchema = z
  .object({ id, attested: z.boolean(), packaging: PackagingSchema, warranty: WarrantySchema })
  .strict();

export const ShipSchema = z.object({ id, shipDate: isoDate }).strict();

export const DeliverSchema = z.object({ id, importConfirmed: z.boolean() }).strict();

export const VoidSchema = z
  .object({ id, reason: z.string().max(200), notes: lines(2000, 'notes').default('') })
  .strict();

export const ExpireSchema = z.object({ id, today: isoDate }).strict();

export const RequestEditSchema = z
  .object({
    id,
    proposed: CertificateDraftSchema,
    reason: lines(2000, 'reason for the correction').min(
      1,
      'Explain why the certificate needs correcting.',
    ),
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
    note: lines(2000, 'decision note').min(
      1,
      'Write a note explaining the decision (what was checked, or why it is refused).',
    ),
  })
  .strict();
