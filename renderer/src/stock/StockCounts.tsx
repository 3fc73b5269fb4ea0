// The stock at a glance: how many blank forms are available, used and voided, the next number to
// draft on, and the gaps (numbers missing inside the registered ranges: forms never bought, or
// never registered, which a reviewer will ask about).
import { useFormat } from '../format/use-format';
import type { StockSummary } from './RegisterStockForm';

export function StockCounts({ summary }: { summary: StockSummary }) {
  const { counts, gaps } = summary;
  const format = useFormat();
  return (
    <section aria-labelledby="stock-counts-title" className="panel">
      <h2 id="stock-counts-title">Forms in stock</h2>
      <dl className="counts" data-testid="stock-counts">
        <div className="counts__item">
          <dt>Available</dt>
          <dd>{format.count(counts.available)}</dd>
        </div>
        <div className="counts__item">
          <dt>Used</dt>
          <dd>{format.count(counts.used)}</dd>
        </div>
        <div className="counts__item">
          <dt>Voided</dt>
          <dd>{format.count(counts.voided)}</dd>
        </div>
        <div className="counts__item">
          <dt>Next number</dt>
          <dd>{summary.nextAvailable ?? 'none left'}</dd>
        </div>
      </dl>
      {counts.available === 0 ? (
        <p className="notice notice--warning">
          No blank form is available: register the numbers of the forms you bought before drafting a
          certificate.
        </p>
      ) : null}
      <h3>Gaps in the numbering</h3>
      {gaps.length === 0 ? (
        <p>None: the registered numbers run without holes.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Numbers missing between registered forms</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Missing numbers</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((gap) => (
              <tr key={`${gap.from}-${gap.to}`}>
                <td>{gap.from}</td>
                <td>{gap.to}</td>
                <td>{format.count(gap.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
