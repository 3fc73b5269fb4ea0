// The vault gateway's statistics export (reports:exportStatistics, issue 14): the Statistics page
// saves what `kpdesk stats --format` prints, to the file main's save dialog chose. The plan is
// asked before the dialog opens, so a user who may not see the statistics, or a period that is
// not one, is refused without a dialog; the file is computed again from the vault, never from
// what the renderer shows, and written through a temporary file (a crash leaves no half file).
// Reviewers and administrators, as for the statistics themselves (statistics-service.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { StatisticsExportRequestSchema } from '../../../shared/ipc/reports-contract';
import type { StatisticsExportFormat } from '../../../shared/ipc/reports-contract';
import { authorize } from '../issuance/actor';
import type { Actor } from '../issuance/actor';
import { writeFileAtomically } from '../vault/document-files';
import { parseInput } from '../vault/repositories/parse-input';
import { createUserRepository } from '../vault/repositories/user-repository';
import type { VaultServices } from '../vault/vault-services';
import { statisticsCsv } from './statistics-csv';
import { statisticsPdf } from './statistics-pdf';
import { STATISTICS_READERS, periodFromText } from './statistics-service';

const ExportFileSchema = StatisticsExportRequestSchema.extend({
  path: z.string().min(1).max(4096),
}).strict();

const EXTENSION: Record<StatisticsExportFormat, string> = {
  csv: 'csv',
  'uskpa-csv': 'csv',
  json: 'json',
  pdf: 'pdf',
};

/** The save dialog's kind of file for a format (file-dialogs.ts). */
export function statisticsSavePurpose(
  format: StatisticsExportFormat,
): 'statistics-csv' | 'statistics-json' | 'statistics-pdf' {
  return format === 'json'
    ? 'statistics-json'
    : format === 'pdf'
      ? 'statistics-pdf'
      : 'statistics-csv';
}

/** A name that says what the file holds: `2026-01-01..2026-06-30` has no `..` in a file name. */
export function statisticsFileName(format: StatisticsExportFormat, periodLabel: string): string {
  const label = periodLabel.replaceAll('..', '_to_');
  const what = format === 'uskpa-csv' ? 'kpdesk-uskpa-certificates' : 'kpdesk-statistics';
  return `${what}-${label}.${EXTENSION[format]}`;
}

export type StatisticsExportSession = () => { db: Database; services: VaultServices; actor: Actor };

export function statisticsExportGroup(session: StatisticsExportSession, now: () => Date) {
  return {
    /** Before the save dialog: the role and the period are checked; a file name is offered. */
    exportPlan: (input: unknown): { defaultName: string; format: StatisticsExportFormat } => {
      const { db, actor } = session();
      authorize(createUserRepository(db, now), actor, STATISTICS_READERS, 'export the statistics');
      const request = parseInput(StatisticsExportRequestSchema, input);
      const period = periodFromText(request.period);
      return {
        defaultName: statisticsFileName(request.format, period.label),
        format: request.format,
      };
    },
    exportFile: async (input: unknown): Promise<{ path: string; certificates: number }> => {
      const { services, actor } = session();
      const { path, format, ...request } = parseInput(ExportFileSchema, input);
      // The report first: it checks the role and the period again, in the call that reads.
      const report = services.reports.statistics(actor, request);
      let bytes: Uint8Array;
      if (format === 'uskpa-csv')
        bytes = Buffer.from(services.reports.uskpaCsv(actor, request), 'utf8');
      else if (format === 'csv') bytes = Buffer.from(statisticsCsv(report), 'utf8');
      else if (format === 'json')
        bytes = Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
      else bytes = await statisticsPdf(report, services.licensee.get()?.legalName ?? '', now());
      writeFileAtomically(path, bytes);
      return { path, certificates: report.exports.totals.certificates };
    },
  };
}
