// The reports channels (issue 14). Statistics for a period typed as in `kpdesk stats`; the core
// checks the signed-in user's role (reviewers and administrators) and answers with exact decimal
// strings (docs/statistics.md).
import { StatisticsReportSchema, StatisticsRequestSchema } from '../reports/statistics-report';

export const reportsContract = {
  'reports:statistics': { input: StatisticsRequestSchema, output: StatisticsReportSchema },
} as const;
