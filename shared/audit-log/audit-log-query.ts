// The audit log as a reviewer reads it (issue 14): every event of the vault's hash-chained log,
// newest first, a page at a time, filtered by user, action, record (a certificate number) and a
// range of the licensee's calendar days. A page is found by a keyset cursor (the time and sequence
// of the last event shown), never by an offset, so page 10,000 costs what page 1 does.
import { z } from 'zod';
import { parseIsoDate } from '../domain/calendar-date';

const calendarDay = (field: string) =>
  z
    .string()
    .trim()
    .refine((text) => parseIsoDate(text) !== null, {
      error: `The ${field} must be a calendar date written YYYY-MM-DD (for example 2026-07-01).`,
    });

/** An event's place in the newest-first order: its time, then its sequence number. */
export const AuditLogCursorSchema = z
  .object({ at: z.string().max(40), seq: z.number().int().min(1) })
  .strict();

export const AUDIT_LOG_PAGE_MAX = 200;

export const AuditLogFilterSchema = z
  .object({
    userId: z.number().int().min(1).optional(),
    /** An action as the chain stores it (`certificate.issue`); see audit-action-words.ts. */
    action: z
      .string()
      .trim()
      .max(60)
      .regex(
        /^[a-z-]+\.[a-z-]+$/,
        'Choose an action from the list (for example certificate.issue).',
      )
      .optional(),
    /** A certificate number: the events of the certificate, its form in stock and its corrections. */
    certificateNumber: z
      .string()
      .trim()
      .toUpperCase()
      .max(20)
      .regex(/^[A-Z]{2}[0-9A-Z]+$/, 'Type a certificate number such as US12345.')
      .optional(),
    /** First and last calendar day, in the licensee's local time, both included. */
    from: calendarDay('first day').optional(),
    to: calendarDay('last day').optional(),
  })
  .strict()
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    error: 'The first day must not be after the last day.',
    path: ['to'],
  });

export const AuditLogListSchema = z
  .object({
    filter: AuditLogFilterSchema.default({}),
    /** The last event of the page before (null or absent: the newest page). */
    after: AuditLogCursorSchema.nullable().default(null),
    limit: z.number().int().min(1).max(AUDIT_LOG_PAGE_MAX).default(50),
  })
  .strict();

export const AuditLogEventSchema = z
  .object({
    seq: z.number().int(),
    /** The instant, ISO 8601 UTC, as chained; the renderer shows it in the licensee's local time. */
    at: z.string(),
    userId: z.number().int().nullable(),
    /** null: KP Desk itself (first run, a migration, an expiry at unlock). */
    userName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    /** The certificate the event belongs to, when it belongs to one. */
    certificateNumber: z.string().nullable(),
    certificateId: z.number().int().nullable(),
    /** What happened, in plain words ("Certificate US12345 issued (warranty attested)"). */
    details: z.string(),
  })
  .strict();

export const AuditLogPageSchema = z
  .object({
    events: z.array(AuditLogEventSchema),
    /** Where the next (older) page starts; null when this page is the last. */
    next: AuditLogCursorSchema.nullable(),
  })
  .strict();

export const AuditLogExportSchema = z.object({ filter: AuditLogFilterSchema.default({}) }).strict();

export const AuditLogExportResultSchema = z.union([
  z.object({ cancelled: z.literal(true) }).strict(),
  z.object({ cancelled: z.literal(false), path: z.string(), events: z.number().int() }).strict(),
]);

export type AuditLogFilter = z.output<typeof AuditLogFilterSchema>;
export type AuditLogCursor = z.output<typeof AuditLogCursorSchema>;
export type AuditLogEvent = z.output<typeof AuditLogEventSchema>;
export type AuditLogPage = z.output<typeof AuditLogPageSchema>;
