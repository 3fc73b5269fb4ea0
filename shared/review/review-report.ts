// The full review as it leaves the core (IPC, the preview bridge, `kpdesk review --format
// json`): what was reviewed (the vault, the period, when, by whom, the audit head) and each
// finding with the certificate it names, the rule, its citation and its severity
// (review-codes.ts). Plain data, validated with zod at the IPC boundary.
import { z } from 'zod';
import { personText } from '../records/person-text';
import { reviewFindingCodes, reviewSeverities } from './review-codes';

export const ReviewRequestSchema = z
  .object({
    /** Like `kpdesk stats`: 2026, 2026Q3 or 2026-01-01..2026-06-30; absent = the whole vault. */
    // Typed by a person: the shared rule names a hostile character (issue 13 part 5).
    period: personText('name', 'period').trim().min(1).max(40).optional(),
  })
  .strict();
export type ReviewRequest = z.input<typeof ReviewRequestSchema>;

export const ReviewFindingSchema = z
  .object({
    code: z.enum(reviewFindingCodes),
    severity: z.enum(reviewSeverities),
    /** The certificate it concerns (linkable in the app), or null for the vault or the stock. */
    certificateNumber: z.string().nullable(),
    certificateId: z.number().int().nullable(),
    rule: z.string(),
    citation: z.string(),
    /** In a licensee's words, naming what differs. */
    message: z.string(),
  })
  .strict();
export type ReviewFinding = z.infer<typeof ReviewFindingSchema>;

export const ReviewReportSchema = z
  .object({
    vault: z
      .object({
        vaultId: z.string().nullable(),
        licensee: z.string().nullable(),
      })
      .strict(),
    /** null = the whole vault. Certificates are in a period by their date of issue. */
    period: z.object({ label: z.string(), from: z.string(), to: z.string() }).strict().nullable(),
    ranAt: z.string(),
    ranBy: z.string(),
    auditHead: z.object({ seq: z.number().int(), hash: z.string() }).strict(),
    checked: z
      .object({
        certificates: z.number().int().nonnegative(),
        documents: z.number().int().nonnegative(),
        auditEvents: z.number().int().nonnegative(),
        anchors: z.number().int().nonnegative(),
      })
      .strict(),
    counts: z
      .object({
        error: z.number().int().nonnegative(),
        warning: z.number().int().nonnegative(),
        info: z.number().int().nonnegative(),
      })
      .strict(),
    findings: z.array(ReviewFindingSchema),
  })
  .strict();
export type ReviewReport = z.infer<typeof ReviewReportSchema>;
