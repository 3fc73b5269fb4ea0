// `kpdesk stats` as a table for a terminal: the period and its basis, the totals with the voided
// and expired apart, the HS codes with their shares, the top partners by volume and by value with
// "all others", and the annual table when the period spans more than one year; the same for
// imports (incoming certificates, by date of entry) once the vault records any (issue 15).
// Amounts are the report's exact decimal strings, right-aligned; nothing is recomputed here.
import type {
  AnnualRow,
  FlowStatistics,
  StatisticsReport,
  TradeAmounts,
} from '../shared/reports/statistics-report';

type Cell = string;

function table(header: readonly Cell[], rows: readonly (readonly Cell[])[]): string[] {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  // The first column (a name) is left-aligned; the figures right-aligned.
  const line = (cells: readonly Cell[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const AMOUNT_HEADER = ['certificates', 'carats', 'US$', 'US$/ct'] as const;

const amountCells = (a: TradeAmounts): Cell[] => [
  String(a.certificates),
  a.carats,
  a.valueUsd,
  a.usdPerCarat ?? '-',
];

const pct = (share: string | null): Cell => (share === null ? '-' : `${share}%`);

function flowSection(flow: FlowStatistics, top: number): string[] {
  const lines: string[] = [];
  // Imports have no voided or expired certificates (read-import-cells.ts): every registered
  // incoming certificate was received.
  lines.push(
    ...table(
      ['', ...AMOUNT_HEADER],
      flow.flow === 'imports'
        ? [['Imports (received)', ...amountCells(flow.totals)]]
        : [
            ['Exports (counted)', ...amountCells(flow.totals)],
            ['Voided (apart)', ...amountCells(flow.voided)],
            ['Expired (apart)', ...amountCells(flow.expired)],
          ],
    ),
  );
  lines.push('', 'By HS code');
  lines.push(
    ...table(
      ['HS code', ...AMOUNT_HEADER, 'of volume', 'of value'],
      flow.byHsCode.map((l) => [
        l.hsCode,
        ...amountCells(l),
        pct(l.shareOfVolume),
        pct(l.shareOfValue),
      ]),
    ),
  );
  const named = top === 1 ? 'The top partner' : `Top ${String(top)} partners`;
  for (const [title, top_] of [
    [`${named} by volume`, flow.topByVolume],
    [`${named} by value`, flow.topByValue],
  ] as const) {
    lines.push('', title);
    const rows = top_.partners.map((l) => [
      l.country,
      ...amountCells(l),
      pct(l.shareOfVolume),
      pct(l.shareOfValue),
    ]);
    if (top_.allOthers.partners > 0)
      rows.push([
        `all others (${String(top_.allOthers.partners)})`,
        ...amountCells(top_.allOthers),
        pct(top_.allOthers.shareOfVolume),
        pct(top_.allOthers.shareOfValue),
      ]);
    lines.push(...table(['Partner', ...AMOUNT_HEADER, 'of volume', 'of value'], rows));
  }
  return lines;
}

function annualSection(title: string, annual: readonly (AnnualRow & { flow: FlowStatistics })[]) {
  const hsCodes = [...new Set(annual.flatMap((r) => r.flow.byHsCode.map((l) => l.hsCode)))].sort();
  const rows = annual.map((row) => {
    const share = (code: string) => row.flow.byHsCode.find((l) => l.hsCode === code);
    return [
      row.complete ? String(row.year) : `${row.from}..${row.to}`,
      ...amountCells(row.flow.totals),
      ...hsCodes.map(
        (code) =>
          `${pct(share(code)?.shareOfVolume ?? null)} / ${pct(share(code)?.shareOfValue ?? null)}`,
      ),
      row.flow.topByVolume.partners[0]?.country ?? '-',
      row.flow.topByValue.partners[0]?.country ?? '-',
    ];
  });
  return [
    title,
    ...table(
      ['Year', 'KPCs', 'carats', 'US$', 'US$/ct', ...hsCodes, 'top by volume', 'top by value'],
      rows,
    ),
  ];
}

export function formatStatistics(report: StatisticsReport): string {
  const { period } = report;
  const lines = [
    `KP statistics, exports, ${period.label} (${period.from} to ${period.to})`,
    `Certificates counted by date of issue; ${report.basis.counted.join(', ')} in the totals; ${report.basis.apart.join(', ')} counted apart.`,
    '',
    ...flowSection(report.exports, report.top),
  ];
  if (report.imports === null) lines.push('', 'Imports: not recorded in this vault yet.');
  else
    lines.push(
      '',
      `KP statistics, imports, ${period.label}: incoming certificates counted by date of entry, the partner being the exporting Participant.`,
      '',
      ...flowSection(report.imports, report.top),
    );
  if (report.annual.length > 1) {
    lines.push(
      '',
      ...annualSection(
        'Annual table (as the US annual report to the KP; HS shares by volume / by value)',
        report.annual.map((row) => ({ ...row, flow: row.exports })),
      ),
    );
    // The same table for imports, as the US annual report shows them beside the exports.
    const imports = report.annual.flatMap((row) =>
      row.imports === null ? [] : [{ ...row, flow: row.imports }],
    );
    if (imports.length > 0)
      lines.push(
        '',
        ...annualSection(
          'Annual table, imports (by date of entry; HS shares by volume / by value)',
          imports,
        ),
      );
  }
  return `${lines.join('\n')}\n`;
}
