// The annual table of the US report to the KP (issue 14; imports since issue 15): one row per
// calendar year the period touches (a year the period cuts shows its dates), with the KPC count,
// carats, US$, US$/ct, each HS code's share by volume / by value and the top partner by volume and
// by value. Exports and imports each have one, from the same report rows. Figures are the
// report's exact decimal strings.
import type { AnnualRow, FlowStatistics } from '../../../shared/reports/statistics-report';
import { useFormat } from '../format/use-format';

const pct = (share: string | null): string => (share === null ? '–' : `${share} %`);

export function AnnualTable(props: {
  caption: string;
  rows: readonly AnnualRow[];
  flow: (row: AnnualRow) => FlowStatistics | null;
}) {
  const format = useFormat();
  const flows = props.rows.flatMap((row) => {
    const flow = props.flow(row);
    return flow === null ? [] : [{ row, flow }];
  });
  const hsCodes = [
    ...new Set(flows.flatMap(({ flow }) => flow.byHsCode.map((line) => line.hsCode))),
  ].sort();
  return (
    <table className="table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Year</th>
          <th scope="col">KPCs</th>
          <th scope="col">Carats</th>
          <th scope="col">US$</th>
          <th scope="col">US$/ct</th>
          {hsCodes.map((code) => (
            <th scope="col" key={code}>
              {code}
            </th>
          ))}
          <th scope="col">Top by volume</th>
          <th scope="col">Top by value</th>
        </tr>
      </thead>
      <tbody>
        {flows.map(({ row, flow }) => (
          <tr key={row.year}>
            <th scope="row">
              {row.complete ? row.year : `${format.date(row.from)} to ${format.date(row.to)}`}
            </th>
            <td className="num">{format.count(flow.totals.certificates)}</td>
            <td className="num">{format.decimal(flow.totals.carats)}</td>
            <td className="num">{format.decimal(flow.totals.valueUsd)}</td>
            <td className="num">
              {flow.totals.usdPerCarat === null ? '–' : format.decimal(flow.totals.usdPerCarat)}
            </td>
            {hsCodes.map((code) => {
              const line = flow.byHsCode.find((l) => l.hsCode === code);
              return (
                <td className="num" key={code}>
                  {pct(line?.shareOfVolume ?? null)} / {pct(line?.shareOfValue ?? null)}
                </td>
              );
            })}
            <td>{flow.topByVolume.partners[0]?.country ?? '–'}</td>
            <td>{flow.topByValue.partners[0]?.country ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
