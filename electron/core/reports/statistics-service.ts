// Statistics for a quarter, a year or any range of dates (issue 14), for reviewers and
// administrators: USKPA reviewers and US agencies audit licensees' records (31 CFR 592; USKPA
// licence terms) and the administrator answers for them. Operators issue certificates; the
// statistics are not part of that work, so they are refused (FORBIDDEN, naming who may).
// Reads only: nothing in the vault changes, and no audit event is written for a read.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { UserRole } from '../../../shared/records/user-inputs';
import type { StatisticsPeriod } from '../../../shared/reports/statistics-period';
import { parseStatisticsPeriod, yearsOf } from '../../../shared/reports/statistics-period';
import type { AnnualRow, StatisticsReport } from '../../../shared/reports/statistics-report';
import { StatisticsRequestSchema } from '../../../shared/reports/statistics-report';
import { AppFailure } from '../app-failure';
import { authorize } from '../issuance/actor';
import { parseInput } from '../vault/repositories/parse-input';
import type { UserRepository } from '../vault/repositories/user-repository';
import type { TradeCellSource } from './read-export-cells';
import { createExportCellSource } from './read-export-cells';
import { createImportCellSource } from './read-import-cells';
import { APART_STATES, COUNTED_STATES } from './statistics-basis';
import { summarizeFlow } from './summarize-flow';
import { uskpaCertificatesCsv } from './uskpa-certificates-csv';

export const STATISTICS_READERS: readonly UserRole[] = ['administrator', 'reviewer'];

/** Checks the period text; a bad one is INVALID_INPUT with the rule's message at the field. */
export function periodFromText(text: string): StatisticsPeriod {
  const reading = parseStatisticsPeriod(text);
  if (!reading.ok)
    throw new AppFailure('INVALID_INPUT', reading.message, { period: reading.message });
  return reading.period;
}

export function buildStatisticsReport(
  exportCells: TradeCellSource,
  period: StatisticsPeriod,
  top: number,
  importCells: TradeCellSource | null = null,
): StatisticsReport {
  const exports = summarizeFlow('exports', exportCells(period.from, period.to), top);
  // Issue 15: imports once the vault records incoming certificates (by date of entry).
  const imports =
    importCells === null
      ? null
      : summarizeFlow('imports', importCells(period.from, period.to), top);
  const annual: AnnualRow[] = yearsOf(period).map((year) => {
    const whole = { from: `${String(year)}-01-01`, to: `${String(year)}-12-31` };
    const from = whole.from < period.from ? period.from : whole.from;
    const to = whole.to > period.to ? period.to : whole.to;
    const same = from === period.from && to === period.to;
    return {
      year,
      from,
      to,
      complete: from === whole.from && to === whole.to,
      exports: same ? exports : summarizeFlow('exports', exportCells(from, to), top),
      // The US annual report to the KP shows imports beside exports, year by year.
      imports:
        importCells === null
          ? null
          : same
            ? imports
            : summarizeFlow('imports', importCells(from, to), top),
    };
  });
  return {
    period,
    basis: { date: 'dateOfIssue', counted: [...COUNTED_STATES], apart: [...APART_STATES] },
    top,
    exports,
    imports,
    annual,
  };
}

export function createStatisticsService(db: Database, users: UserRepository) {
  const exportCells = createExportCellSource(db);
  const importCells = createImportCellSource(db);
  return {
    statistics: (actor: unknown, requestInput: unknown): StatisticsReport => {
      authorize(users, actor, STATISTICS_READERS, 'see the statistics');
      const request = parseInput(StatisticsRequestSchema, requestInput);
      const period = periodFromText(request.period);
      // One read transaction (deferred: it never holds the write lock): the periods of the
      // annual table see the same vault.
      const read = () => buildStatisticsReport(exportCells, period, request.top, importCells());
      return db.transaction(read).deferred();
    },
    /** The certificates of the period in the USKPA database's CSV layout (same readers). */
    uskpaCsv: (actor: unknown, requestInput: unknown): string => {
      authorize(users, actor, STATISTICS_READERS, 'export the certificates for USKPA');
      const request = parseInput(StatisticsRequestSchema, requestInput);
      const period = periodFromText(request.period);
      return uskpaCertificatesCsv(db, period);
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
