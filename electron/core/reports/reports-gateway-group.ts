// The vault gateway's `reports` group: the statistics, and (reports:exportStatistics, issue 14)
// the Statistics page's exports, to a path from main's dialog. Each call is made as the
// signed-in user over the open records.
import type { AsUser } from '../vault/gateway-calls';
import type { StatisticsExportSession } from './statistics-export-file';
import { statisticsExportGroup } from './statistics-export-file';

export function reportsGatewayGroup(
  asUser: AsUser,
  session: StatisticsExportSession,
  now: () => Date,
) {
  return {
    statistics: asUser((s, actor, input) => s.reports.statistics(actor, input)),
    // reports:exportStatistics (issue 14): the Statistics page's exports, to main's dialog.
    ...statisticsExportGroup(session, now),
  };
}
