// The reports channels (issue 14). Statistics for a period typed as in `kpdesk stats`; the core
// checks the signed-in user's role (reviewers and administrators) and answers with exact decimal
// strings (docs/statistics.md). The export writes the same statistics to a file chosen in main's
// save dialog (never a path from the renderer), in the formats of `kpdesk stats --format`.
import { z } from 'zod';
import { StatisticsReportSchema, StatisticsRequestSchema } from '../reports/statistics-report';

/** csv: the plain layout; uskpa-csv: the period's certificates in the USKPA database's export
 * layout; json: the report with exact decimal strings; pdf: the printable report. */
export const statisticsExportFormats = ['csv', 'uskpa-csv', 'json', 'pdf'] as const;
export type StatisticsExportFormat = (typeof statisticsExportFormats)[number];

export const StatisticsExportRequestSchema = StatisticsRequestSchema.extend({
  format: z.enum(statisticsExportFormats),
}).strict();

export const reportsContract = {
  'reports:statistics': { input: StatisticsRequestSchema, output: StatisticsReportSchema },
  'reports:exportStatistics': {
    input: StatisticsExportRequestSchema,
    output: z.union([
      z.object({ cancelled: z.literal(true) }).strict(),
      z
        .object({
          cancelled: z.literal(false),
          path: z.string(),
          /** The certificates counted in the period (voided and expired ones apart). */
          certificates: z.number().int().nonnegative(),
        })
        .strict(),
    ]),
  },
} as const;
