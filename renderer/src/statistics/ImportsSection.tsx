// Imports on the Statistics screen (issue 15): incoming certificates, counted by the core by their
// date of entry, beside the exports. Totals, then the shares by HS code and by partner country
// (the exporting Participant), each chart with its table next to it (the chart is a picture of
// the table; every figure a person reads is the exact string in the table), for a year its
// quarters (chart and table, as the exports'), and the annual table of imports as the US annual
// report to the KP shows it beside the exports'.
import type { FlowStatistics, StatisticsReport } from '../../../shared/reports/statistics-report';
import { useFormat } from '../format/use-format';
import type { QuarterFigures } from './StatisticsCharts';
import { ChartFigure, QuarterFigure, ShareChart } from './StatisticsCharts';
import { AnnualTable } from './AnnualTable';

const pct = (share: string | null): string => (share === null ? '–' : `${share} %`);
const drawn = (text: string | null): number => (text === null ? 0 : Number(text));

type Line = FlowStatistics['byHsCode'][number] | FlowStatistics['byPartner'][number];

function ShareTable(props: {
  caption: string;
  first: string;
  lines: { name: string; line: Line }[];
}) {
  const format = useFormat();
  return (
    <table className="table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.first}</th>
          <th scope="col">Certificates</th>
          <th scope="col">Carats</th>
          <th scope="col">US$</th>
          <th scope="col">Share of volume</th>
          <th scope="col">Share of value</th>
        </tr>
      </thead>
      <tbody>
        {props.lines.map(({ name, line }) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="num">{format.count(line.certificates)}</td>
            <td className="num">{format.decimal(line.carats)}</td>
            <td className="num">{format.decimal(line.valueUsd)}</td>
            <td className="num">{pct(line.shareOfVolume)}</td>
            <td className="num">{pct(line.shareOfValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportsSection({
  report,
  quarters,
}: {
  report: StatisticsReport;
  /** A year's imports by quarter (as the exports'), or null for another period. */
  quarters: readonly QuarterFigures[] | null;
}) {
  const format = useFormat();
  const flow = report.imports;
  return (
    <section className="panel" aria-labelledby="statistics-imports-title" data-testid="imports">
      <h2 id="statistics-imports-title">Imports</h2>
      {flow === null ? (
        <p>No incoming certificates are recorded in this vault: there are no imports to count.</p>
      ) : (
        <>
          <table className="table">
            <caption>
              Imports {report.period.label} ({format.date(report.period.from)} to{' '}
              {format.date(report.period.to)}), by date of entry
            </caption>
            <thead>
              <tr>
                <th scope="col">Incoming certificates</th>
                <th scope="col">Certificates</th>
                <th scope="col">Carats</th>
                <th scope="col">US$</th>
                <th scope="col">US$/ct</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Received (incoming certificates)</th>
                <td className="num">{format.count(flow.totals.certificates)}</td>
                <td className="num">{format.decimal(flow.totals.carats)}</td>
                <td className="num">{format.decimal(flow.totals.valueUsd)}</td>
                <td className="num">
                  {flow.totals.usdPerCarat === null ? '–' : format.decimal(flow.totals.usdPerCarat)}
                </td>
              </tr>
            </tbody>
          </table>
          <div className="statistics-charts">
            <ChartFigure
              title="Imports: shares by HS code"
              chart={
                <ShareChart
                  rows={chartRows(flow.byHsCode.map((l) => ({ name: l.hsCode, line: l })))}
                />
              }
              table={
                <ShareTable
                  caption="Imports by HS code (the chart’s figures)"
                  first="HS code"
                  lines={flow.byHsCode.map((line) => ({ name: line.hsCode, line }))}
                />
              }
            />
            <ChartFigure
              title="Imports: shares by partner (exporting Participant)"
              chart={
                <ShareChart
                  rows={chartRows(flow.byPartner.map((l) => ({ name: l.country, line: l })))}
                />
              }
              table={
                <ShareTable
                  caption="Imports by partner country, the exporting Participant (the chart’s figures)"
                  first="Partner"
                  lines={flow.byPartner.map((line) => ({ name: line.country, line }))}
                />
              }
            />
            {quarters === null ? null : (
              <QuarterFigure
                title={`Imports: carats by quarter, ${report.period.label}`}
                caption="Imports by quarter, by date of entry (the chart’s figures)"
                quarters={quarters}
              />
            )}
          </div>
          <AnnualTable
            caption="Imports, annual table by date of entry (HS shares by volume / by value)"
            rows={report.annual}
            flow={(row) => row.imports}
          />
        </>
      )}
    </section>
  );
}

function chartRows(lines: { name: string; line: Line }[]) {
  return lines.map(({ name, line }) => ({
    name,
    volume: drawn(line.shareOfVolume),
    value: drawn(line.shareOfValue),
  }));
}
