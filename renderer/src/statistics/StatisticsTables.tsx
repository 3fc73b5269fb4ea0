// The statistics as tables (issue 14): totals with the voided and expired apart, HS codes with
// their shares, the top partners by volume and by value with "all others", and the annual table
// of the US report to the KP. Tables first (they serve screen readers as they are); charts are
// left for when a charting library is chosen. Figures are the report's exact decimal strings.
import type {
  FlowStatistics,
  StatisticsReport,
  TradeAmounts,
} from '../../../shared/reports/statistics-report';
import { useFormat } from '../format/use-format';
import { AnnualTable } from './AnnualTable';

const pct = (share: string | null): string => (share === null ? '–' : `${share} %`);

function AmountCells({ amounts }: { amounts: TradeAmounts }) {
  const format = useFormat();
  // The report's exact decimal strings, grouped for reading; the CSV and JSON keep them plain.
  return (
    <>
      <td className="num">{format.count(amounts.certificates)}</td>
      <td className="num">{format.decimal(amounts.carats)}</td>
      <td className="num">{format.decimal(amounts.valueUsd)}</td>
      <td className="num">
        {amounts.usdPerCarat === null ? '–' : format.decimal(amounts.usdPerCarat)}
      </td>
    </>
  );
}

function AmountHeads() {
  return (
    <>
      <th scope="col">Certificates</th>
      <th scope="col">Carats</th>
      <th scope="col">US$</th>
      <th scope="col">US$/ct</th>
    </>
  );
}

function TopPartners({ title, top }: { title: string; top: FlowStatistics['topByVolume'] }) {
  return (
    <table className="table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Partner</th>
          <AmountHeads />
          <th scope="col">Share of volume</th>
          <th scope="col">Share of value</th>
        </tr>
      </thead>
      <tbody>
        {top.partners.map((line) => (
          <tr key={line.country}>
            <th scope="row">{line.country}</th>
            <AmountCells amounts={line} />
            <td className="num">{pct(line.shareOfVolume)}</td>
            <td className="num">{pct(line.shareOfValue)}</td>
          </tr>
        ))}
        {top.allOthers.partners > 0 ? (
          <tr>
            <th scope="row">All others ({top.allOthers.partners})</th>
            <AmountCells amounts={top.allOthers} />
            <td className="num">{pct(top.allOthers.shareOfVolume)}</td>
            <td className="num">{pct(top.allOthers.shareOfValue)}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

export function StatisticsTables({ report }: { report: StatisticsReport }) {
  const format = useFormat();
  const flow = report.exports;
  return (
    <div className="statistics" data-testid="statistics">
      <table className="table">
        <caption>
          Exports {report.period.label} ({format.date(report.period.from)} to{' '}
          {format.date(report.period.to)}), by date of issue
        </caption>
        <thead>
          <tr>
            <th scope="col">Certificates</th>
            <AmountHeads />
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Issued, shipped, delivered (counted)</th>
            <AmountCells amounts={flow.totals} />
          </tr>
          <tr>
            <th scope="row">Voided (apart)</th>
            <AmountCells amounts={flow.voided} />
          </tr>
          <tr>
            <th scope="row">Expired (apart)</th>
            <AmountCells amounts={flow.expired} />
          </tr>
        </tbody>
      </table>
      <table className="table">
        <caption>By HS code</caption>
        <thead>
          <tr>
            <th scope="col">HS code</th>
            <AmountHeads />
            <th scope="col">Share of volume</th>
            <th scope="col">Share of value</th>
          </tr>
        </thead>
        <tbody>
          {flow.byHsCode.map((line) => (
            <tr key={line.hsCode}>
              <th scope="row">{line.hsCode}</th>
              <AmountCells amounts={line} />
              <td className="num">{pct(line.shareOfVolume)}</td>
              <td className="num">{pct(line.shareOfValue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TopPartners title={`Top ${String(report.top)} partners by volume`} top={flow.topByVolume} />
      <TopPartners title={`Top ${String(report.top)} partners by value`} top={flow.topByValue} />
      <AnnualTable
        caption="Annual table (HS shares by volume / by value)"
        rows={report.annual}
        flow={(row) => row.exports}
      />
    </div>
  );
}
