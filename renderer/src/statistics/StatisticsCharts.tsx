// The statistics as charts (issue 14), drawn with recharts: the shares by HS code, the top
// partners by volume, and the quarters of a year. Each chart is a picture of the table printed
// with it, inside one <figure>: the SVG is aria-hidden (a bar chart says nothing to a screen
// reader that its table does not say better; recharts' keyboard layer is off, so nothing
// hidden takes the focus), and the caption names the table. The bars are
// drawn from the report's decimal strings converted to numbers for drawing only; every figure a
// person reads is the exact string in the table.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import type { StatisticsReport, TradeAmounts } from '../../../shared/reports/statistics-report';

export type QuarterFigures = { label: string; totals: TradeAmounts };

const pct = (share: string | null): string => (share === null ? '–' : `${share} %`);
const drawn = (text: string | null): number => (text === null ? 0 : Number(text));

const VOLUME_COLOUR = '#1f4e79';
const VALUE_COLOUR = '#b8860b';

export function ChartFigure(props: { title: string; chart: ReactNode; table: ReactNode }) {
  const id = useId();
  return (
    <figure className="statistics-chart" aria-labelledby={id}>
      <figcaption id={id}>
        {props.title}{' '}
        <span className="statistics-chart__note">(chart; its figures are in the table below)</span>
      </figcaption>
      <div className="statistics-chart__drawing" aria-hidden="true">
        {props.chart}
      </div>
      {props.table}
    </figure>
  );
}

export function ShareChart({ rows }: { rows: { name: string; volume: number; value: number }[] }) {
  return (
    <BarChart
      width={560}
      height={240}
      accessibilityLayer={false}
      data={rows}
      margin={{ top: 8, right: 8, left: 0, bottom: 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="name" />
      <YAxis unit=" %" domain={[0, 100]} />
      <Legend />
      <Bar dataKey="volume" name="Share of volume" fill={VOLUME_COLOUR} isAnimationActive={false} />
      <Bar dataKey="value" name="Share of value" fill={VALUE_COLOUR} isAnimationActive={false} />
    </BarChart>
  );
}

export function StatisticsCharts(props: {
  report: StatisticsReport;
  quarters: readonly QuarterFigures[] | null;
}) {
  const flow = props.report.exports;
  const partners = [
    ...flow.topByVolume.partners.map((line) => ({ name: line.country, line })),
    ...(flow.topByVolume.allOthers.partners > 0
      ? [
          {
            name: `All others (${String(flow.topByVolume.allOthers.partners)})`,
            line: flow.topByVolume.allOthers,
          },
        ]
      : []),
  ];
  return (
    <section className="panel" aria-labelledby="statistics-charts-title">
      <h2 id="statistics-charts-title">Charts</h2>
      <div className="statistics-charts">
        <ChartFigure
          title="Shares by HS code"
          chart={
            <ShareChart
              rows={flow.byHsCode.map((line) => ({
                name: line.hsCode,
                volume: drawn(line.shareOfVolume),
                value: drawn(line.shareOfValue),
              }))}
            />
          }
          table={
            <table className="table">
              <caption>Shares by HS code (the chart’s figures)</caption>
              <thead>
                <tr>
                  <th scope="col">HS code</th>
                  <th scope="col">Share of volume</th>
                  <th scope="col">Share of value</th>
                </tr>
              </thead>
              <tbody>
                {flow.byHsCode.map((line) => (
                  <tr key={line.hsCode}>
                    <th scope="row">{line.hsCode}</th>
                    <td className="num">{pct(line.shareOfVolume)}</td>
                    <td className="num">{pct(line.shareOfValue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartFigure
          title="Top partners by volume"
          chart={
            <ShareChart
              rows={partners.map(({ name, line }) => ({
                name,
                volume: drawn(line.shareOfVolume),
                value: drawn(line.shareOfValue),
              }))}
            />
          }
          table={
            <table className="table">
              <caption>Top partners by volume (the chart’s figures)</caption>
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col">Share of volume</th>
                  <th scope="col">Share of value</th>
                </tr>
              </thead>
              <tbody>
                {partners.map(({ name, line }) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td className="num">{pct(line.shareOfVolume)}</td>
                    <td className="num">{pct(line.shareOfValue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        {props.quarters === null ? null : (
          <QuarterFigure
            title={`Carats by quarter, ${props.report.period.label}`}
            caption="By quarter (the chart’s figures)"
            quarters={props.quarters}
          />
        )}
      </div>
    </section>
  );
}

/** Carats by quarter of a year, with the quarters' table: the exports', and the imports'. */
export function QuarterFigure(props: {
  title: string;
  caption: string;
  quarters: readonly QuarterFigures[];
}) {
  return (
    <ChartFigure
      title={props.title}
      chart={
        <BarChart
          width={560}
          height={240}
          accessibilityLayer={false}
          data={props.quarters.map((q) => ({
            name: q.label,
            carats: drawn(q.totals.carats),
          }))}
          margin={{ top: 8, right: 8, left: 0, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis />
          <Legend />
          <Bar dataKey="carats" name="Carats" fill={VOLUME_COLOUR} isAnimationActive={false} />
        </BarChart>
      }
      table={
        <table className="table">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col">Certificates</th>
              <th scope="col">Carats</th>
              <th scope="col">US$</th>
            </tr>
          </thead>
          <tbody>
            {props.quarters.map((q) => (
              <tr key={q.label}>
                <th scope="row">{q.label}</th>
                <td className="num">{q.totals.certificates.toLocaleString('en-US')}</td>
                <td className="num">{q.totals.carats}</td>
                <td className="num">{q.totals.valueUsd}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
