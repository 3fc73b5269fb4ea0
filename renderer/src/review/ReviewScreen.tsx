// Review (issue 14): the full review of the records as a USKPA reviewer checks them
// (docs/review.md), over the whole vault or a period, for reviewers and administrators (the core
// refuses anyone else; the navigation shows the page only to them). Progress comes from
// tasks:progress while it runs; the findings link to the certificates; the exports run the
// review again in the vault and write the file chosen in the save dialog.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ReviewReport } from '../../../shared/review/review-report';
import type { Route } from '../navigation';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { TaskProgressBar } from '../shell/form/TaskProgressBar';
import { useTaskProgress } from '../shell/use-task-progress';
import { ExportAuditPackage } from '../audit-package/ExportAuditPackage';
import { ReviewFindings } from './ReviewFindings';
import './review.css';

type Props = { api: KpApi; navigate: (to: Route) => void };
type Scope = 'all' | 'period';

function ReviewSummary({ report }: { report: ReviewReport }) {
  const { checked, counts } = report;
  return (
    <section className="panel" aria-labelledby="review-summary-title">
      <h2 id="review-summary-title">What was reviewed</h2>
      <dl className="review-summary">
        <dt>Licensee</dt>
        <dd>{report.vault.licensee ?? 'Not recorded'}</dd>
        <dt>Period</dt>
        <dd>
          {report.period === null
            ? 'The whole vault'
            : `${report.period.label} (${report.period.from} to ${report.period.to}), by date of issue`}
        </dd>
        <dt>Run</dt>
        <dd>
          {report.ranAt} by {report.ranBy}
        </dd>
        <dt>Audit head</dt>
        <dd>
          event {report.auditHead.seq},{' '}
          <code className="review-summary__hash">{report.auditHead.hash}</code>
        </dd>
        <dt>Checked</dt>
        <dd>
          {checked.certificates} certificates, {checked.documents} signed PDFs,{' '}
          {checked.auditEvents} audit events
        </dd>
        <dt>Findings</dt>
        <dd>
          {counts.error} errors, {counts.warning} warnings, {counts.info} for information
        </dd>
      </dl>
    </section>
  );
}

export function ReviewScreen({ api, navigate }: Props) {
  const [scope, setScope] = useState<Scope>('all');
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [report, setReport] = useState<ReviewReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const progress = useTaskProgress(api, busy);
  const request = scope === 'all' ? {} : { period };

  async function run(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    const answer = await callApi(() => api.review.run(request));
    setBusy(false);
    if (answer.ok) setReport(answer.value);
    else {
      setReport(null);
      setError(answer.error);
    }
  }

  async function exportAs(format: 'csv' | 'pdf') {
    setBusy(true);
    setError(null);
    setSaved(null);
    const answer = await callApi(() => api.review.export({ ...request, format }));
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else if (!answer.value.cancelled)
      setSaved(`The review was saved as ${format.toUpperCase()} to ${answer.value.path}.`);
  }

  return (
    <div className="screen-page review">
      <div className="screen-page__head">
        <h1>Review</h1>
        <p className="screen-page__intro">
          Checks the records as a USKPA reviewer would: the audit chain, every signed PDF against
          its record, the stock book, ITNs, Census copies, USKPA reports, expired certificates and
          corrections pending. Nothing is changed.
        </p>
      </div>
      <section className="panel" aria-labelledby="review-scope-title">
        <h2 id="review-scope-title">What to review</h2>
        <form onSubmit={(event) => void run(event)} noValidate aria-label="Review scope">
          <fieldset className="review-scope">
            <legend>Certificates</legend>
            <label>
              <input
                type="radio"
                name="scope"
                value="all"
                checked={scope === 'all'}
                onChange={() => {
                  setScope('all');
                }}
              />{' '}
              The whole vault
            </label>
            <label>
              <input
                type="radio"
                name="scope"
                value="period"
                checked={scope === 'period'}
                onChange={() => {
                  setScope('period');
                }}
              />{' '}
              Those issued in a period
            </label>
          </fieldset>
          {scope === 'period' ? (
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
                  A year (<code>2026</code>), a quarter (<code>2026Q3</code>) or a range of dates (
                  <code>2026-01-01..2026-06-30</code>).
                </>
              }
              error={fieldError(error, 'period')}
            />
          ) : null}
          <FormAlert error={error} success={saved} />
          {busy ? <TaskProgressBar label="Review progress" progress={progress} /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Run the review
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void exportAs('csv')}
            >
              Export CSV
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void exportAs('pdf')}
            >
              Export PDF
            </button>
          </div>
        </form>
      </section>
      {report === null ? null : (
        <>
          <ReviewSummary report={report} />
          <ReviewFindings
            findings={report.findings}
            openCertificate={(id) => {
              navigate({ screen: 'certificate', id });
            }}
          />
        </>
      )}
      <ExportAuditPackage api={api} />
    </div>
  );
}
