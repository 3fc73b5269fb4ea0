// The answer of main's check, at the top of the form: counts, then every finding with a button
// that moves to its field. Findings whose field has no input on this form (what was keyed into
// AES) are listed here in full, since they have nowhere else to appear. Focus moves here when an
// answer arrives, so keyboard and screen-reader users hear the result first.
import { useEffect, useRef } from 'react';
import type { Finding } from '../../../shared/domain/finding';
import type { CheckState } from './use-certificate-check';
import { fieldLabels } from './field-labels';
import { FindingItem } from './FindingList';

type CheckSummaryProps = {
  check: CheckState;
  /** True when the draft changed after main checked it. */
  stale: boolean;
  /** True when this field has an input (and so shows its own findings). */
  hasInput: (field: Finding['field']) => boolean;
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function focusField(field: Finding['field']) {
  document.getElementById(field)?.focus();
}

export function CheckSummary({ check, stale, hasInput }: CheckSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (check.status === 'checked' || check.status === 'failed') ref.current?.focus();
  }, [check]);

  if (check.status === 'idle') return null;
  if (check.status === 'checking') {
    return (
      <div className="summary summary--busy" role="status">
        Checking the certificate…
      </div>
    );
  }
  if (check.status === 'failed') {
    const fields = Object.entries(check.error.fields ?? {});
    return (
      <div
        className="summary summary--failed"
        role="alert"
        tabIndex={-1}
        ref={ref}
        data-error-code={check.error.code}
      >
        <h2 className="summary__title">KP Desk could not check this certificate</h2>
        <p>{check.error.message}</p>
        {fields.length > 0 && (
          <ul className="summary__list">
            {fields.map(([path, message]) => (
              <li key={path}>
                <code>{path}</code>: {message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  const { report } = check;
  const passed = report.errorCount === 0;
  const title = passed
    ? 'No errors: this certificate meets the US rules'
    : `Checked by KP Desk: ${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}`;
  return (
    <div
      className={`summary ${passed ? 'summary--passed' : 'summary--errors'}`}
      role={passed ? 'status' : 'alert'}
      tabIndex={-1}
      ref={ref}
      data-testid="check-summary"
    >
      <h2 className="summary__title">{title}</h2>
      {passed && report.warningCount > 0 && (
        <p>{plural(report.warningCount, 'warning')} to review before issuing.</p>
      )}
      {stale && (
        <p className="summary__stale">
          You changed the certificate after this check. Check it again before issuing.
        </p>
      )}
      {report.findings.length > 0 && (
        <ul className="summary__list">
          {report.findings.map((finding) =>
            hasInput(finding.field) ? (
              <li key={`${finding.field}:${finding.code}:${finding.message}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    focusField(finding.field);
                  }}
                >
                  {fieldLabels[finding.field]}
                </button>
                : {finding.message}
              </li>
            ) : (
              <li
                key={`${finding.field}:${finding.code}:${finding.message}`}
                className="summary__unplaced"
              >
                <strong>{fieldLabels[finding.field]}</strong>
                <ul className="findings">
                  <FindingItem finding={finding} />
                </ul>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
