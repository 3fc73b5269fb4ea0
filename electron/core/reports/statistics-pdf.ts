// The statistics as a printable PDF (issue 14), for a reviewer's file or the licensee's answer to
// USKPA: the period and its basis, the totals with voided and expired apart, the annual table in
// the shape of the US annual report to the KP (KPC count, volume, value, US$/ct, HS shares by
// volume and by value), the HS codes and the top partners by volume and by value with "all
// others". Every figure is the report's exact decimal string; nothing is recomputed here.
// US Letter, Helvetica (pdf-lib's standard font: the text is ASCII, codes and decimals).
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import type {
  FlowStatistics,
  StatisticsReport,
  TradeAmounts,
} from '../../../shared/reports/statistics-report';

const PAGE = { width: 612, height: 792, margin: 54 };
const SIZE = 9;
const LINE = 13;

type Cell = string;
type Table = { title: string; heads: Cell[]; rows: Cell[][]; widths: number[] };

const pct = (share: string | null): string => (share === null ? '-' : `${share} %`);
const amounts = (a: TradeAmounts): Cell[] => [
  String(a.certificates),
  a.carats,
  a.valueUsd,
  a.usdPerCarat ?? '-',
];

function hsShares(flow: FlowStatistics, pick: 'shareOfVolume' | 'shareOfValue'): string {
  return flow.byHsCode.map((line) => `${line.hsCode} ${pct(line[pick])}`).join('; ') || '-';
}

function tablesOf(report: StatisticsReport): Table[] {
  const flow = report.exports;
  const topTable = (title: string, top: FlowStatistics['topByVolume']): Table => ({
    title,
    heads: ['Partner', 'KPCs', 'Carats', 'US$', 'US$/ct', 'Vol. share', 'Value share'],
    widths: [110, 50, 70, 90, 60, 60, 64],
    rows: [
      ...top.partners.map((line) => [
        line.country,
        ...amounts(line),
        pct(line.shareOfVolume),
        pct(line.shareOfValue),
      ]),
      ...(top.allOthers.partners > 0
        ? [
            [
              `All others (${String(top.allOthers.partners)})`,
              ...amounts(top.allOthers),
              pct(top.allOthers.shareOfVolume),
              pct(top.allOthers.shareOfValue),
            ],
          ]
        : []),
    ],
  });
  return [
    {
      title: 'Totals',
      heads: ['', 'KPCs', 'Carats', 'US$', 'US$/ct'],
      widths: [150, 60, 90, 110, 80],
      rows: [
        ['Exports (counted)', ...amounts(flow.totals)],
        ['Voided (apart)', ...amounts(flow.voided)],
        ['Expired (apart)', ...amounts(flow.expired)],
      ],
    },
    {
      title: 'Annual table (shape of the US annual report to the KP)',
      heads: ['Year', 'KPCs', 'Carats', 'US$', 'US$/ct'],
      widths: [150, 60, 90, 110, 80],
      rows: report.annual.map((row) => [
        `${String(row.year)}${row.complete ? '' : ` (${row.from}..${row.to})`}`,
        ...amounts(row.exports.totals),
      ]),
    },
    {
      title: 'Annual HS shares, by volume / by value',
      heads: ['Year', 'By volume', 'By value'],
      widths: [70, 217, 217],
      rows: report.annual.map((row) => [
        String(row.year),
        hsShares(row.exports, 'shareOfVolume'),
        hsShares(row.exports, 'shareOfValue'),
      ]),
    },
    {
      title: 'By HS code',
      heads: ['HS code', 'KPCs', 'Carats', 'US$', 'US$/ct', 'Vol. share', 'Value share'],
      widths: [110, 50, 70, 90, 60, 60, 64],
      rows: flow.byHsCode.map((line) => [
        line.hsCode,
        ...amounts(line),
        pct(line.shareOfVolume),
        pct(line.shareOfValue),
      ]),
    },
    topTable(`Top ${String(report.top)} partners by volume`, flow.topByVolume),
    topTable(`Top ${String(report.top)} partners by value`, flow.topByValue),
    ...(report.imports === null ? [] : importTables(report.imports)),
    ...(report.imports === null
      ? []
      : [
          {
            title: 'Imports, annual table (by date of entry)',
            heads: ['Year', 'KPCs', 'Carats', 'US$', 'US$/ct'],
            widths: [150, 60, 90, 110, 80],
            rows: report.annual.flatMap((row) =>
              row.imports === null
                ? []
                : [
                    [
                      `${String(row.year)}${row.complete ? '' : ` (${row.from}..${row.to})`}`,
                      ...amounts(row.imports.totals),
                    ],
                  ],
            ),
          },
        ]),
  ];
}

/**
 * Issue 15: incoming certificates, counted by their date of entry (the statistics service); the
 * partner is the exporting Participant. As on the Statistics screen and in the CSV.
 */
function importTables(flow: FlowStatistics): Table[] {
  const shareRow = (
    name: string,
    line: FlowStatistics['byHsCode'][number] | FlowStatistics['byPartner'][number],
  ) => [name, ...amounts(line), pct(line.shareOfVolume), pct(line.shareOfValue)];
  const heads = (first: string) => [
    first,
    'KPCs',
    'Carats',
    'US$',
    'US$/ct',
    'Vol. share',
    'Value share',
  ];
  return [
    {
      title: 'Imports (incoming certificates, by date of entry)',
      heads: ['', 'KPCs', 'Carats', 'US$', 'US$/ct'],
      widths: [150, 60, 90, 110, 80],
      rows: [['Imports', ...amounts(flow.totals)]],
    },
    {
      title: 'Imports by HS code',
      heads: heads('HS code'),
      widths: [110, 50, 70, 90, 60, 60, 64],
      rows: flow.byHsCode.map((line) => shareRow(line.hsCode, line)),
    },
    {
      title: 'Imports by partner (the exporting Participant)',
      heads: heads('Partner'),
      widths: [110, 50, 70, 90, 60, 60, 64],
      rows: flow.byPartner.map((line) => shareRow(line.country, line)),
    },
  ];
}

/** Cuts a cell to its column (a long HS share list wraps to the next line instead). */
function fit(font: PDFFont, text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (font.widthOfTextAtSize(next, SIZE) <= width - 4 || current === '') current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines;
}

export async function statisticsPdf(
  report: StatisticsReport,
  licensee: string,
  createdAt: Date,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`KP statistics ${report.period.label}`);
  pdf.setCreator('KP Desk');
  pdf.setCreationDate(createdAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const newPageIfBelow = (needed: number) => {
    if (y - needed >= PAGE.margin) return;
    page = pdf.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - PAGE.margin;
  };
  const text = (value: string, x: number, size = SIZE, face = font) => {
    page.drawText(value, { x, y, size, font: face, color: rgb(0.1, 0.12, 0.14) });
  };

  text(
    `KP statistics, ${report.imports === null ? 'exports' : 'exports and imports'}, ${report.period.label}`,
    PAGE.margin,
    16,
    bold,
  );
  y -= 22;
  text(`${licensee}  -  ${report.period.from} to ${report.period.to}`, PAGE.margin, 10);
  y -= LINE;
  text(
    `Counted by date of issue: ${report.basis.counted.join(', ')}; apart: ${report.basis.apart.join(', ')}. Amounts exact; shares and US$/ct rounded half-up to two decimals.`,
    PAGE.margin,
    7.5,
  );
  y -= LINE * 2;

  for (const table of tablesOf(report)) {
    newPageIfBelow(LINE * 4);
    text(table.title, PAGE.margin, 11, bold);
    y -= LINE + 2;
    let x = PAGE.margin;
    table.heads.forEach((head, i) => {
      text(head, x, SIZE, bold);
      x += table.widths[i] ?? 60;
    });
    y -= 4;
    page.drawLine({
      start: { x: PAGE.margin, y },
      end: { x: PAGE.width - PAGE.margin, y },
      thickness: 0.5,
    });
    y -= LINE - 2;
    for (const row of table.rows) {
      const wrapped = row.map((cell, i) => fit(font, cell, table.widths[i] ?? 60));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * LINE;
      newPageIfBelow(height);
      x = PAGE.margin;
      const top = y;
      wrapped.forEach((lines, i) => {
        y = top;
        for (const line of lines) {
          text(line, x);
          y -= LINE;
        }
        x += table.widths[i] ?? 60;
      });
      y = top - height;
    }
    if (table.rows.length === 0) {
      text('No certificate in this period.', PAGE.margin);
      y -= LINE;
    }
    y -= LINE;
  }
  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    p.drawText(
      `KP Desk - created ${createdAt.toISOString().slice(0, 10)} - page ${String(i + 1)} of ${String(pages.length)}`,
      { x: PAGE.margin, y: PAGE.margin / 2, size: 7, font },
    );
  });
  return pdf.save();
}
