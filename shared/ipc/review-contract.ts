// The review channels (issue 14, part 2): the full review of the vault or a period (reviewers and
// administrators, checked in the core; progress through tasks:progress, operation 'review'), and
// its export as CSV or PDF to a file chosen in main's save dialog (the review is run again there,
// so the file says what the vault says, never what a renderer sent).
import { z } from 'zod';
import { ReviewReportSchema, ReviewRequestSchema } from '../review/review-report';

export const ReviewExportRequestSchema = ReviewRequestSchema.extend({
  format: z.enum(['csv', 'pdf']),
}).strict();

export const reviewContract = {
  'review:run': { input: ReviewRequestSchema, output: ReviewReportSchema },
  'review:export': {
    input: ReviewExportRequestSchema,
    output: z.union([
      z.object({ cancelled: z.literal(true) }).strict(),
      z
        .object({
          cancelled: z.literal(false),
          path: z.string(),
          errors: z.number().int().nonnegative(),
          warnings: z.number().int().nonnegative(),
          infos: z.number().int().nonnegative(),
        })
        .strict(),
    ]),
  },
} as const;
