// The statistics as CSV in a plain layout: one table, one row per figure, the same columns on
// every row, so a spreadsheet filters it by "section" without parsing anything. Amounts are the
// exact decimal strings of the report (no thousands separators, a point for decimals); shares
// are percentages with two decimals. RFC 4180: CRLF line ends, a field quoted only when needed
// (no field here holds free text: codes, dates and decimals, so none needs it today).
import type {
  FlowStatistics,
  StatisticsReport,
  TradeAmounts,
} from '../../../shared/reports/statistics-report';

export const STATISTICS_CSV_COLUMNS = [
  'flow',
  'from',
  'to',
  'section',
  'item',
  'certificates',
  'carats',
  'value_usd',
  'usd_per_carat',
  'share_of_volume_pct',
  'share_of_value_pct',
] as const;

type Shares = { shareOfVolume: string | null; shareOfValue: string | null };

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function flowRows(flow: FlowStatistics, from: string, to: string, prefix: string): string[][] {
  const row = (section: string, item: string, amounts: TradeAmounts, shares?: Shares) => [
    flow.flow,
    from,
    to,
    `${prefix}${section}`,
    item,
    String(amounts.certificates),
    amounts.carats,
    amounts.valueUsd,
    amounts.usdPerCarat ?? '',
    shares?.shareOfVolume ?? '',
    shares?.shareOfValue ?? '',
  ];
  const rows = [
    row('total', 'all', flow.totals, { shareOfVolume: '100.00', shareOfValue: '100.00' }),
    row('voided', 'apart', flow.voided),
    row('expired', 'apart', flow.expired),
  ];
  for (const line of flow.byHsCode) rows.push(row('hs_code', line.hsCode, line, line));
  for (const line of flow.byPartner) rows.push(row('partner', line.country, line, line));
  for (const [section, top] of [
    ['top_by_volume', flow.topByVolume],
    ['top_by_value', flow.topByValue],
  ] as const) {
    for (const line of top.partners) rows.push(row(section, line.country, line, line));
    rows.push(
      row(section, `all others (${String(top.allOthers.partners)})`, top.allOthers, top.allOthers),
    );
  }
  return rows;
}

/** The whole report: the period's rows, then each year of the annual table ("annual_…"). */
export function statisticsCsv(report: StatisticsReport): string {
  const rows: string[][] = [[...STATISTICS_CSV_COLUMNS]];
  rows.push(...flowRows(report.exports, report.period.from, report.period.to, ''));
  if (report.imports !== null)
    rows.push(...flowRows(report.imports, report.period.from, report.period.to, ''));
  // A single year's annual row is the period itself: not repeated.
  const [only, ...more] = report.annual;
  const annual =
    only !== undefined &&
    more.length === 0 &&
    only.from === report.period.from &&
    only.to === report.period.to
      ? []
      : report.annual;
  for (const year of annual) rows.push(...flowRows(year.exports, year.from, year.to, 'annual_'));
  // Each year's imports too (issue 15), after the exports' years, with flow "imports".
  for (const year of annual)
    if (year.imports !== null) rows.push(...flowRows(year.imports, year.from, year.to, 'annual_'));
  return rows.map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}
