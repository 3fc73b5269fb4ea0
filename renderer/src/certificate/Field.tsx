// One labelled field of the form: label, the control, an optional hint, and the field's findings.
// The hint sits below the control so that inputs side by side stay aligned.
// The control is rendered by the caller with the accessibility attributes computed here, so the
// input, its hint and its findings stay tied together (aria-describedby, aria-invalid).
// A field whose words a new user may not know links to its glossary entry ("What is this?"), and
// F1 inside it opens that entry (help/, issue 16).
import type { ReactNode } from 'react';
import type { CertificateField } from '../../../shared/domain/certificate-draft';
import type { Finding } from '../../../shared/domain/finding';
import { FindingList } from './FindingList';
import { fieldHelp } from '../help/field-help';
import { HELP_ENTRY_ATTRIBUTE } from '../help/help-key';
import { HelpLink } from '../help/HelpLink';

export type ControlAttributes = {
  id: CertificateField;
  name: CertificateField;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
};

type FieldProps = {
  field: CertificateField;
  label: string;
  hint?: string;
  /** Only the findings the user should see now (after the field was touched, or after submit). */
  findings: readonly Finding[];
  wide?: boolean;
  children: (control: ControlAttributes) => ReactNode;
};

export function Field({ field, label, hint, findings, wide = false, children }: FieldProps) {
  const hintId = `${field}-hint`;
  const findingsId = `${field}-findings`;
  const describedBy = [
    ...(hint === undefined ? [] : [hintId]),
    ...(findings.length === 0 ? [] : [findingsId]),
  ].join(' ');
  const hasError = findings.some((finding) => finding.severity === 'error');
  const hasWarning = !hasError && findings.length > 0;

  const stateClass = hasError ? ' field--error' : hasWarning ? ' field--warning' : '';
  const help = fieldHelp[field];
  return (
    <div
      className={`field${wide ? ' field--wide' : ''}${stateClass}`}
      {...(help === undefined ? {} : { [HELP_ENTRY_ATTRIBUTE]: help })}
    >
      <div className="field__label-row">
        <label className="field__label" htmlFor={field}>
          {label}
        </label>
        {help === undefined ? null : <HelpLink entry={help} about={label} />}
      </div>
      {children({
        id: field,
        name: field,
        ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
        ...(hasError ? { 'aria-invalid': true } : {}),
      })}
      {hint !== undefined && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      <FindingList id={findingsId} findings={findings} />
    </div>
  );
}
