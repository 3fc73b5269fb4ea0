// Step 6, review: what the certificate will say, and every finding of every rule with its source.
// Nothing goes on to signing while an error remains; each finding has a button that opens the
// step of its field and puts the cursor in it.
import type { ReactNode } from 'react';
import type { CertificateDraft, CertificateField } from '../../../shared/domain/certificate-draft';
import type { ValidationReport } from '../../../shared/domain/validation-report';
import { countryName } from '../../../shared/reference/reference-data';
import { fieldLabels } from '../certificate/field-labels';
import { SourceCitation } from '../certificate/SourceCitation';
import { useFormat } from '../format/use-format';
import type { StepId } from './wizard-steps';
import { stepOfField, stepTitles } from './wizard-steps';

export type Readiness = { step: StepId; message: string }[];

type ReviewStepProps = {
  draft: CertificateDraft;
  report: ValidationReport;
  /** What is missing outside the draft (packaging, warranty, the recorded ITN). */
  readiness: Readiness;
  onFix: (field: CertificateField) => void;
  onGo: (step: StepId) => void;
  onContinue: () => void;
  preview: ReactNode;
  /** Recorded with the certificate at issue: packaging, seals, invoices. */
  extraRows: readonly [string, string][];
};

const country = (code: string) =>
  code === '****' ? 'Mixed origin (****)' : `${countryName(code) ?? code} (${code})`;

export function ReviewStep(props: ReviewStepProps) {
  const { draft, report, readiness } = props;
  const format = useFormat();
  // Typed text that is not yet a date or an amount is shown as typed (the findings say why).
  const typed = (text: string, shown: string) => (text.trim() === '' ? '' : shown);
  const errors = report.errorCount + readiness.length;
  const rows: [string, string][] = [
    ['Certificate number', draft.number],
    ['Country of origin', draft.countryOfOrigin === '' ? '' : country(draft.countryOfOrigin)],
    ['Date of issue', typed(draft.dateOfIssue, format.date(draft.dateOfIssue))],
    ['Date of expiry', typed(draft.dateOfExpiry, format.date(draft.dateOfExpiry))],
    ['Exporter', `${draft.exporter.name}\n${draft.exporter.address}`],
    ['Ultimate consignee', `${draft.consignee.name}\n${draft.consignee.address}`],
    [
      'Country of destination',
      draft.destinationCountry === '' ? '' : country(draft.destinationCountry),
    ],
    ['Carats', typed(draft.carats, format.caratsText(draft.carats))],
    ['Value in US$', typed(draft.valueUsd, format.usdText(draft.valueUsd))],
    ['Number of parcels', draft.parcels],
    ['HS code', draft.hsCodes.join(', ')],
    ['ITN', draft.itn],
    ...props.extraRows,
  ];
  return (
    <>
      <p className="wizard__intro">
        Check the certificate as it will be printed. Every rule KP Desk applies is listed with its
        source; fix each error before signing.
      </p>
      {/* The summary of what to fix comes first, above the rows and fields it refers to. */}
      <div className="wizard__review">
        <section className="wizard__review-findings" aria-labelledby="findings-title">
          <h3 id="findings-title">
            {errors === 0
              ? `No errors${report.warningCount > 0 ? `, ${String(report.warningCount)} warning(s) to read` : ''}: ready to sign`
              : `${String(errors)} error(s) to fix before signing`}
          </h3>
          <ul className="findings" data-testid="review-findings">
            {readiness.map((item) => (
              <li key={item.step} className="finding finding--error" data-step={item.step}>
                <span className="finding__severity">Error:</span> {item.message}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    props.onGo(item.step);
                  }}
                >
                  Go to {stepTitles[item.step]}
                </button>
              </li>
            ))}
            {report.findings.map((finding) => {
              const step = stepOfField(finding.field);
              return (
                <li
                  key={`${finding.field}:${finding.code}`}
                  className={`finding finding--${finding.severity}`}
                  data-field={finding.field}
                  data-code={finding.code}
                  data-severity={finding.severity}
                >
                  <span className="finding__severity">
                    {finding.severity === 'error' ? 'Error' : 'Warning'}:
                  </span>{' '}
                  <strong>{fieldLabels[finding.field]}</strong>: {finding.message}{' '}
                  <SourceCitation source={finding.source} />{' '}
                  {step !== undefined && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        props.onFix(finding.field);
                      }}
                    >
                      Fix in {stepTitles[step]}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      </div>
      {props.preview}
      <div className="wizard__review">
        <div className="wizard__review-data">
          <table className="wizard__table">
            <caption>What the certificate says</caption>
            <tbody>
              {rows.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className="wizard__address">{value.trim() === '' ? '(empty)' : value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="wizard__actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            props.onGo('aes');
          }}
        >
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={errors > 0}
          onClick={props.onContinue}
        >
          Continue to signing
        </button>
      </div>
    </>
  );
}
