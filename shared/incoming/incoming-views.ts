// What Records, the CLI and the IPC channels show of an incoming certificate: the record, where
// its receipt confirmation stands today, and the state of its Census copy in the outbox.
import { z } from 'zod';
import { IncomingCertificateSchema } from './incoming-certificate-input';

export const ReceiptDutySchema = z.enum(['sent', 'due', 'due-soon', 'overdue']);

export const IncomingListItemSchema = IncomingCertificateSchema.extend({
  receiptDuty: ReceiptDutySchema,
  /** The newest Census copy's outbox status; null never happens for a registered record. */
  censusCopy: z
    .object({ status: z.string(), deliveredAt: z.string().nullable(), queuedAt: z.string() })
    .strict()
    .nullable(),
}).strict();
export type IncomingListItem = z.infer<typeof IncomingListItemSchema>;

export const IncomingDetailSchema = IncomingListItemSchema.extend({
  /** The receipt confirmation as e-mail text (subject and body). */
  confirmation: z.object({ subject: z.string(), body: z.string() }).strict(),
}).strict();
export type IncomingDetail = z.infer<typeof IncomingDetailSchema>;
