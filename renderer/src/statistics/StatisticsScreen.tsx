// Statistics (issue 14): the KP statistics of a year, a quarter or a range of dates, for reviewers
// and administrators (the core refuses anyone else; the navigation shows the page only to them).
// The period is typed as in `kpdesk stats`; the core parses it and names what is wrong.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { StatisticsReport } from '../../../shared/reports/statistics-report';
import { DEFAULT_TOP_PARTNERS } from '../../../shared/reports/statistics-report';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { StatisticsCharts } from './StatisticsCharts';
import type { QuarterFigures } from './StatisticsCharts';
import { StatisticsExports } from './StatisticsExports';
import { StatisticsTables } from './StatisticsTables';
import { ImportsSection } from './ImportsSection';
import './statistics.css';

type Props = { api: Pick<KpApi, 'reports'> };

export function StatisticsScreen({ api }: Props) {
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [top, setTop] = useState(String(DEFAULT_TOP_PARTNERS));
  const [report, setReport] = useState<StatisticsReport | null>(null);
  const [quarters, setQuarters] = useState<QuarterFigures[] | null>(null);
  const [importQuarters, setImportQuarters] = useState<QuarterFigures[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  // A top that is not a number goes as -1, which the core refuses naming the field.
  const typedTop = (): number => (/^\d{1,3}$/.test(top.trim()) ? Number(top.trim()) : -1);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const topNumber = typedTop();
    setBusy(true);
    setError(null);
    setSaved(null);
    const answer = await callApi(() => api.reports.statistics({ period, top: topNumber }));
    // A year is also shown by quarter: the core computes each quarter as it computes the year.
    const year =
      answer.ok && answer.value.period.kind === 'year' ? answer.value.period.label : null;
    const quarterAnswers =
      year === null
        ? []
        : await Promise.all(
            ['Q1', 'Q2', 'Q3', 'Q4'].map((q) =>
              callApi(() => api.reports.statistics({ period: `${year}${q}`, top: 1 })),
            ),
          );
    setBusy(false);
    if (answer.ok) {
      setReport(answer.value);
      // Every quarter answered, or no quarters at all (a failed one shows none).
      const answered = quarterAnswers.flatMap((q) => (q.ok ? [q.value] : []));
      const whole = year !== null && answered.length === quarterAnswers.length;
      setQuarters(
        whole ? answered.map((q) => ({ label: q.period.label, totals: q.exports.totals })) : null,
      );
      // The imports by quarter too (issue 15), once the vault records incoming certificates.
      setImportQuarters(
        whole && answer.value.imports !== null
          ? answered.flatMap((q) =>
              q.imports === null ? [] : [{ label: q.period.label, totals: q.imports.totals }],
            )
          : null,
      );
    } else {
      setReport(null);
      setQuarters(null);
      setImportQuarters(null);
      setError(answer.error);
    }
  }

  return (
    <div className="screen-page">
      <div className="screen-page__head">
        <h1>Statistics</h1>
        <p className="screen-page__intro">
          The KP statistics of your exports, certificates counted by their date of issue (KPCS Annex
          III), voided and expired ones apart; and of your imports, incoming certificates counted by
          their date of entry. Carats and US$ exact, shares rounded to two decimals.
        </p>
      </div>
      <section className="panel" aria-labelledby="statistics-period-title">
        <h2 id="statistics-period-title">Period to report</h2>
        <form onSubmit={(event) => void submit(event)} noValidate aria-label="Statistics period">
          <div className="field-stack">
            <TextField
              label="Period"
              name="period"
              value={period}
              spellCheck={false}
              onChange={(event) => {
                setPeriod(event.target.value);
              }}
              hint={
                <>
                  A year (<code>2018</code>), a quarter (<code>2026Q3</code>) or a range of dates (
                  <code>2026-01-01..2026-06-30</code>).
                </>
              }
              error={fieldError(error, 'period')}
            />
            <TextField
              label="Partner countries to name"
              name="top"
              inputMode="numeric"
              value={top}
              onChange={(event) => {
                setTop(event.target.value);
              }}
              hint="The top partners by volume and by value; the rest are summed as all others."
              error={fieldError(error, 'top')}
            />
          </div>
          <FormAlert error={error} success={saved} />
          {busy ? <BusyNote label="Computing the statistics" /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Show the statistics
            </button>
            <StatisticsExports
              api={api}
              request={() => ({ period, top: typedTop() })}
              onError={setError}
              onSaved={setSaved}
              busy={busy}
              setBusy={setBusy}
            />
          </div>
        </form>
      </section>
      {report === null ? null : <StatisticsTables report={report} />}
      {report === null ? null : <StatisticsCharts report={report} quarters={quarters} />}
      {/* Issue 15: incoming certificates, by date of entry, beside the exports. */}
      {report === null ? null : <ImportsSection report={report} quarters={importQuarters} />}
    </div>
  );
}
