// Step 4, warranty: the World Diamond Council System of Warranties statement to print on each
// invoice (revised wording, or the original one still accepted during the transition), the
// invoice numbers, and USKPA's attestation, which the licensee confirms before issuing.
import { SourceCitation } from '../certificate/SourceCitation';
import { CheckboxField, TextAreaField } from '../shell/form/FormField';
import { CopyButton } from './CopyButton';
import type { Problems, WarrantyEntry } from './wizard-extras';
import type { WarrantyWording } from './wizard-texts';
import {
  ATTESTATION_SOURCE,
  uskpaAttestation,
  warrantyNotes,
  warrantyStatement,
} from './wizard-texts';
import { HelpLink } from '../help/HelpLink';

type WarrantyStepProps = {
  entry: WarrantyEntry;
  onChange: (entry: WarrantyEntry) => void;
  problems: Problems;
  announce: (message: string) => void;
  recordedStatement: string | null;
};

const wordings: { value: WarrantyWording; label: string; hint: string }[] = [
  { value: 'revised', label: 'Revised wording (WDC, 2021)', hint: 'The current statement.' },
  {
    value: 'original',
    label: 'Original wording (2003)',
    hint: 'Accepted during the transition to the revised statement.',
  },
];

export function WarrantyStep(props: WarrantyStepProps) {
  const { entry, onChange, problems } = props;
  const set = (change: Partial<WarrantyEntry>) => {
    onChange({ ...entry, ...change });
  };
  if (props.recordedStatement !== null) {
    return (
      <p className="wizard__intro">
        Recorded when the certificate was issued: “{props.recordedStatement}”
      </p>
    );
  }
  const statement = warrantyStatement(entry.wording);
  return (
    <>
      <p className="wizard__intro">
        Every invoice for these diamonds carries the System of Warranties statement. Copy it onto
        your invoices, then confirm the attestation.{' '}
        <HelpLink entry="warranty" about="the warranty statement" />
      </p>
      <fieldset className="section">
        <legend>Statement for the invoice</legend>
        {wordings.map((wording) => (
          <div className="form-check" key={wording.value}>
            <input
              type="radio"
              name="warranty-wording"
              id={`warranty-wording-${wording.value}`}
              className="form-check__box"
              checked={entry.wording === wording.value}
              aria-describedby={`warranty-wording-${wording.value}-hint`}
              onChange={() => {
                set({ wording: wording.value });
              }}
            />
            <div>
              <label htmlFor={`warranty-wording-${wording.value}`}>{wording.label}</label>
              <div className="form-field__hint" id={`warranty-wording-${wording.value}-hint`}>
                {wording.hint}
              </div>
            </div>
          </div>
        ))}
        <blockquote className="wizard__quote" id="warranty-statement">
          <p>{statement}</p>
        </blockquote>
        <CopyButton text={statement} what="the warranty statement" onCopied={props.announce} />
        <details className="wizard__details">
          <summary>About the two wordings</summary>
          <p>{warrantyNotes}</p>
        </details>
      </fieldset>
      <fieldset className="section">
        <legend>Invoices and attestation</legend>
        <TextAreaField
          id="warranty-invoices"
          label="Invoice numbers"
          hint="Each invoice that carries the statement, one per line."
          rows={2}
          value={entry.invoices}
          error={problems['warranty-invoices']}
          onChange={(event) => {
            set({ invoices: event.target.value });
          }}
        />
        <CheckboxField
          id="warranty-attested"
          label={uskpaAttestation}
          hint="USKPA's attestation, in its own words. KP Desk records who confirmed it."
          checked={entry.attested}
          error={problems['warranty-attested']}
          onChange={(event) => {
            set({ attested: event.target.checked });
          }}
        />
        <SourceCitation source={ATTESTATION_SOURCE} />
      </fieldset>
    </>
  );
}
