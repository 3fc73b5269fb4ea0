// The incoming-certificate channels (issue 15): foreign certificates received on an import.
// Operators and administrators register them and record the receipt confirmation as sent;
// reviewers read (the core checks the role). The scan is chosen in main's open dialog and the
// receipt report's PDF saved through main's save dialog: no path ever comes from the renderer.
import { z } from 'zod';
import { IncomingCertificateInputSchema } from '../incoming/incoming-certificate-input';
import { IncomingDetailSchema, IncomingListItemSchema } from '../incoming/incoming-views';

const NumberSchema = z.string().min(1).max(64);
const cancelled = z.object({ cancelled: z.literal(true) }).strict();

export const incomingContract = {
  'incoming:list': { input: z.object({}).strict(), output: z.array(IncomingListItemSchema) },
  'incoming:get': {
    input: z.object({ number: NumberSchema }).strict(),
    output: IncomingDetailSchema,
  },
  'incoming:register': {
    input: z
      .object({
        certificate: IncomingCertificateInputSchema,
        /** Ask for the scan in main's open dialog first (PDF, PNG or JPEG). */
        withScan: z.boolean().default(false),
      })
      .strict(),
    output: z.union([
      cancelled,
      z.object({ cancelled: z.literal(false), record: IncomingListItemSchema }).strict(),
    ]),
  },
  'incoming:confirmReceiptSent': {
    input: z.object({ number: NumberSchema, sentOn: z.string().max(32) }).strict(),
    output: IncomingListItemSchema,
  },
  'incoming:scan': {
    input: z.object({ number: NumberSchema, scanId: z.number().int().min(1) }).strict(),
    output: z
      .object({
        fileName: z.string(),
        mediaType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
        sha256: z.string(),
        base64: z.string(),
      })
      .strict(),
  },
  'incoming:saveReceiptReport': {
    input: z.object({ number: NumberSchema }).strict(),
    output: z.union([
      cancelled,
      z.object({ cancelled: z.literal(false), path: z.string() }).strict(),
    ]),
  },
} as const;
