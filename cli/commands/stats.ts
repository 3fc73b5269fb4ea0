// `kpdesk stats --period 2018|2026Q3|2026-01-01..2026-06-30`: the vault's KP statistics for a
// year, a quarter or a range (electron/core/reports/), as a table, CSV (plain layout) or JSON
// (exact decimal strings). Reviewers and administrators may run it: the user signs in and the
// core checks the role, as for every other act in the vault. It changes nothing.
import { StatisticsRequestSchema } from '../../shared/reports/statistics-report';
import { DEFAULT_TOP_PARTNERS, MAX_TOP_PARTNERS } from '../../shared/reports/statistics-report';
import { statisticsCsv } from '../../electron/core/reports/statistics-csv';
import { statisticsPdf } from '../../electron/core/reports/statistics-pdf';
import { writeNewFile } from '../write-new-file';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { formatStatistics } from '../format-statistics';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { signInFromOptions, signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

export const statsSummary =
  'KP statistics of a year, quarter or range (reviewers, administrators).';

export const statsHelp = `Usage: kpdesk stats --period <period> [--format table|csv|json|uskpa-csv] [--top N] [options]

The vault's exports in the period: certificates, carats, US$ and US$ per carat; by HS code
with shares of volume and value; the top partner countries by volume and by value, and all
others; and, for a period over several years, the annual table of the US report to the KP.
Certificates count by their date of issue: issued, shipped and delivered ones in the totals,
voided and expired ones apart (docs/statistics.md). Amounts are exact; shares and US$/ct are
rounded half-up to two decimals.

Options:
  --period <period>           2018 (a year), 2026Q3 (a quarter) or 2026-01-01..2026-06-30
                              (a range of dates, both included).
  --format table|csv|json|uskpa-csv
                              table (default), csv (one row per figure, docs/statistics.md),
                              json (exact decimal strings; --json is --format json), or
                              uskpa-csv: the period's certificates, one per row, in the
                              column layout of the USKPA database's export.
  --out FILE.pdf              Write the statistics as a printable PDF (a new file; never
                              overwritten) instead of printing them.
  --top N                     How many partner countries to name (default ${String(DEFAULT_TOP_PARTNERS)}, at most ${String(MAX_TOP_PARTNERS)}).
${signInHelp}
${unlockHelp}
  -h, --help                  Show this help.

Only reviewers and administrators may see the statistics.

Exit codes: 0 done, 2 usage error or refused (a period that is not one, wrong passphrase or
password, not allowed for your role). Nothing in the vault changes.
`;

const FORMATS = ['table', 'csv', 'json', 'uskpa-csv'] as const;
type Format = (typeof FORMATS)[number];

export function runStats(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = {
    ...signInOptions,
    period: { type: 'string' },
    format: { type: 'string' },
    top: { type: 'string' },
    out: { type: 'string' },
  } as const;
  return runVaultCommand(args, io, { name: 'stats', help: statsHelp, options }, async (parsed) => {
    const { values, positionals, json } = parsed;
    if (positionals.length > 0)
      throw usageFailure(`"kpdesk stats" takes no arguments; give the period with --period.`);
    const formatText = values.format ?? (json ? 'json' : 'table');
    if (!(FORMATS as readonly string[]).includes(formatText))
      throw usageFailure(`Unknown format "${formatText}": use table, csv, json or uskpa-csv.`, {
        '--format': 'enum',
      });
    const format = formatText as Format;
    if (json && format !== 'json')
      throw usageFailure('--json asks for JSON: leave out --format, or use --format json.', {
        '--format': 'conflict',
      });
    if (values.period === undefined)
      throw usageFailure(
        'Give the period, e.g. --period 2026Q3, --period 2018 or --period 2026-01-01..2026-06-30.',
        {
          '--period': 'required',
        },
      );
    let top = DEFAULT_TOP_PARTNERS;
    if (values.top !== undefined) {
      top = /^\d{1,3}$/.test(values.top) ? Number(values.top) : Number.NaN;
      if (!(top >= 1 && top <= MAX_TOP_PARTNERS))
        throw usageFailure(
          `--top must be a whole number from 1 to ${String(MAX_TOP_PARTNERS)}, not "${values.top}".`,
          {
            '--top': 'range',
          },
        );
    }
    const request = StatisticsRequestSchema.parse({ period: values.period, top });
    if (format === 'uskpa-csv') {
      const csv = await withVaultForCommand(values, io, async ({ services }) => {
        const actor = await signInFromOptions(services, values, io);
        return services.reports.uskpaCsv(actor, request);
      });
      io.stdout(csv);
      return exitCodes.ok;
    }
    const { report, licensee } = await withVaultForCommand(values, io, async ({ services }) => {
      const actor = await signInFromOptions(services, values, io);
      return {
        report: services.reports.statistics(actor, request),
        licensee: services.licensee.get()?.legalName ?? '',
      };
    });
    if (values.out !== undefined) {
      if (!values.out.toLowerCase().endsWith('.pdf'))
        throw usageFailure(
          `--out writes a PDF: give a file name ending in .pdf, not "${values.out}".`,
          {
            '--out': 'pdf',
          },
        );
      await writeNewFile(values.out, '--out', await statisticsPdf(report, licensee, new Date()));
      io.stdout(`The statistics of ${report.period.label} are in ${values.out} (PDF).\n`);
      return exitCodes.ok;
    }
    if (format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'csv') io.stdout(statisticsCsv(report));
    else io.stdout(formatStatistics(report));
    return exitCodes.ok;
  });
}
