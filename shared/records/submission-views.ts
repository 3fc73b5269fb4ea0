// What the app shows of the submissions (issue 12): the queue of copies to Census and reports to
// USKPA, their receipts with what was verified, the recipients (never a private key), the
// background delivery's state and the overdue Census duties (31 CFR 592.301(a)(1)(iv)-(v);
// 15 CFR 30.7(c)). Schemas for the IPC contract; the core computes every value.
import { z } from 'zod';
import { SubmissionRecipientSchema } from './submission-recipient-settings';

export const submissionStatuses = [
  'pending',
  'sending',
  'delivered',
  'delivered_with_warnings',
  'failed',
  'rejected',
  'cancelled',
] as const;
export const SubmissionStatusSchema = z.enum(submissionStatuses);
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;

export const SubmissionItemSchema = z
  .object({
    id: z.number().int(),
    recipient: SubmissionRecipientSchema,
    /** What made the copy due: issued, shipped, voided, corrected … */
    kind: z.string(),
    number: z.string(),
    certificateId: z.number().int().nullable(),
    idempotencyKey: z.string(),
    status: SubmissionStatusSchema,
    attempts: z.number().int(),
    queuedAt: z.string(),
    /** A Failed row's next attempt (also Pending's first). */
    nextDueAt: z.string(),
    lastAttemptAt: z.string().nullable(),
    lastErrorCode: z.string().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    receiptId: z.string().nullable(),
  })
  .strict();
export type SubmissionItem = z.infer<typeof SubmissionItemSchema>;

export const SubmissionListInputSchema = z
  .object({
    status: SubmissionStatusSchema.optional(),
    certificateId: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict();

export const SubmissionListSchema = z
  .object({
    items: z.array(SubmissionItemSchema),
    /** Rows that need the user (Rejected), over the whole queue, not only the page. */
    needsUser: z.number().int(),
  })
  .strict();

/** One check made on a stored receipt, today, in words; `passed: null` when it cannot be made. */
export const ReceiptCheckSchema = z
  .object({ label: z.string(), passed: z.boolean().nullable(), detail: z.string() })
  .strict();

export const ReceiptViewSchema = z
  .object({
    submissionId: z.number().int(),
    receiptId: z.string(),
    recipient: SubmissionRecipientSchema,
    receivedAt: z.string(),
    status: z.enum(['accepted', 'accepted-with-warnings']),
    warnings: z.array(z.string()),
    auditHead: z.object({ seq: z.number().int(), hash: z.string() }).strict().nullable(),
    signerSubject: z.string(),
    /** Every check passed: the receipt proves the delivery today. */
    verified: z.boolean(),
    checks: z.array(ReceiptCheckSchema),
    /**
     * Manual channel (fax, secure file transfer): what the user recorded. Such a receipt is
     * confirmed by the user, not by the recipient, and is never "verified".
     */
    confirmedByUser: z
      .object({
        username: z.string(),
        method: z.enum(['fax', 'secure-file-transfer', 'other']).nullable(),
        sentAt: z.string(),
        reference: z.string(),
        note: z.string().nullable(),
        recordedAt: z.string(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ReceiptView = z.infer<typeof ReceiptViewSchema>;

/**
 * The manual channel (issue 12): the fax-ready package of these submissions (one recipient),
 * saved where main's dialog says; and the user's record that a copy went out.
 */
export const FaxPackageInputSchema = z
  .object({ ids: z.array(z.number().int().min(1)).min(1).max(500) })
  .strict();
export const FaxPackageResultSchema = z.union([
  z.object({ cancelled: z.literal(true) }).strict(),
  z
    .object({
      cancelled: z.literal(false),
      path: z.string(),
      submissions: z.number().int(),
      bytes: z.number().int(),
    })
    .strict(),
]);
export const manualSendMethods = ['fax', 'secure-file-transfer', 'other'] as const;
export const ConfirmSentInputSchema = z
  .object({
    id: z.number().int().min(1),
    method: z.enum(manualSendMethods),
    /** ISO 8601 with its offset (the form converts the user's local date and time). */
    sentAt: z.string().max(40),
    reference: z.string().max(400),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type ConfirmSentInput = z.infer<typeof ConfirmSentInputSchema>;

export const ReceiptExportInputSchema = z
  .object({ ids: z.array(z.number().int().min(1)).max(10_000).optional() })
  .strict();

export const ReceiptExportResultSchema = z.union([
  z.object({ cancelled: z.literal(true) }).strict(),
  z.object({ cancelled: z.literal(false), path: z.string(), receipts: z.number().int() }).strict(),
]);

export const recipientFileFields = ['caPem', 'clientCertPem', 'clientKeyPem'] as const;
export const RecipientFileFieldSchema = z.enum(recipientFileFields);
export type RecipientFileField = z.infer<typeof RecipientFileFieldSchema>;

/** A file chosen for a recipient, described (never its content: a key stays in the core). */
export const ChosenFileSchema = z
  .object({ field: RecipientFileFieldSchema, fileName: z.string(), description: z.string() })
  .strict();

export const RecipientViewSchema = z
  .object({
    recipient: SubmissionRecipientSchema,
    channel: z.string(),
    url: z.string().nullable(),
    updatedAt: z.string(),
    /** Who the pinned CA and the client certificate are, and until when (no key material). */
    caSubject: z.string().nullable(),
    caValidTo: z.string().nullable(),
    clientSubject: z.string().nullable(),
    clientValidTo: z.string().nullable(),
    /** The preview's demo intake on this computer (migration 0230): nothing reaches the agency. */
    demo: z.boolean(),
    /** E-mail: where copies go, the login's user name, and whether a password is saved (never
     * the password itself: once saved it stays in the core). */
    mailTo: z.string().nullable(),
    mailLogin: z.string().nullable(),
    passwordSet: z.boolean(),
  })
  .strict();
export type RecipientView = z.infer<typeof RecipientViewSchema>;

export const RecipientsSchema = z
  .object({
    recipients: z.array(RecipientViewSchema),
    /** Files chosen but not saved yet, per recipient. */
    chosen: z.array(ChosenFileSchema.extend({ recipient: SubmissionRecipientSchema })),
  })
  .strict();

export const ChooseRecipientFileInputSchema = z
  .object({ recipient: SubmissionRecipientSchema, field: RecipientFileFieldSchema })
  .strict();

export const SaveRecipientInputSchema = z
  .object({ recipient: SubmissionRecipientSchema, url: z.string().max(2000) })
  .strict();

/**
 * The other channels from Settings (issue 12): e-mail over SMTP with STARTTLS (the mail server's
 * CA, optional, is chosen like the HTTPS files: field caPem) or manual (fax, Census's secure file
 * transfer). An empty password keeps the one saved for the same user name: the renderer never
 * gets it back to resend. The core checks everything (RECIPIENT_SETTINGS_INVALID naming the field).
 */
export const SaveRecipientChannelInputSchema = z.discriminatedUnion('channel', [
  z
    .object({
      recipient: SubmissionRecipientSchema,
      channel: z.literal('smtp'),
      url: z.string().max(2000),
      to: z.string().max(300),
      username: z.string().max(300),
      password: z.string().max(1024),
    })
    .strict(),
  z.object({ recipient: SubmissionRecipientSchema, channel: z.literal('manual') }).strict(),
]);
export type SaveRecipientChannelInput = z.infer<typeof SaveRecipientChannelInputSchema>;

export const DeliveryStateSchema = z
  .object({
    /** stopped: the vault is locked or no recipient sends by itself. */
    state: z.enum(['stopped', 'idle', 'sending']),
    attempts: z.number().int(),
    total: z.number().int(),
    lastRunAt: z.string().nullable(),
    nextRunAt: z.string().nullable(),
    needsUser: z.number().int(),
    overdue: z.number().int(),
  })
  .strict();
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

export const OverdueDutySchema = z
  .object({
    certificateId: z.number().int().nullable(),
    number: z.string(),
    duty: z.enum(['export', 'void']),
    /** When the copy became due, and when 24 hours had passed since. */
    dueSince: z.string(),
    overdueAt: z.string(),
    status: SubmissionStatusSchema,
  })
  .strict();
export type OverdueDuty = z.infer<typeof OverdueDutySchema>;
