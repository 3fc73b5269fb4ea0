// Step 3, packaging: the shipment travels sealed in a tamper-resistant container with the
// original certificate (31 CFR 592.301(a)(1)-(2)); the definition of 592.314 is quoted, the seal
// numbers recorded, and the parcels sealed must be the parcels on the certificate.
import { CheckboxField, TextAreaField, TextField } from '../shell/form/FormField';
import { SourceCitation } from '../certificate/SourceCitation';
import { ChoiceField } from './ChoiceField';
import type { PackagingEntry, Problems } from './wizard-extras';
import {
  OTHER_CONTAINER,
  TAMPER_SOURCE,
  containerTypes,
  tamperResistantDefinition,
  tamperResistantNotEnough,
} from './wizard-texts';
import { HelpLink } from '../help/HelpLink';

type PackagingStepProps = {
  entry: PackagingEntry;
  onChange: (entry: PackagingEntry) => void;
  number: string;
  parcels: string;
  problems: Problems;
  recordedDescription: string | null;
};

export function PackagingStep(props: PackagingStepProps) {
  const { entry, onChange, number, parcels, problems } = props;
  const set = (change: Partial<PackagingEntry>) => {
    onChange({ ...entry, ...change });
  };
  if (props.recordedDescription !== null) {
    return (
      <p className="wizard__intro">
        Recorded when the certificate was issued: {props.recordedDescription}.
      </p>
    );
  }
  return (
    <>
      <p className="wizard__intro">
        How the parcels travel. They must be sealed in a container that shows any tampering, with
        the original certificate.{' '}
        <HelpLink entry="tamper-resistant" about="tamper-resistant packaging" />
      </p>
      <blockquote className="wizard__quote" id="tamper-definition">
        <p>{tamperResistantDefinition}</p>
        <p>{tamperResistantNotEnough}</p>
        <footer>
          <SourceCitation source={TAMPER_SOURCE} />
        </footer>
      </blockquote>
      <fieldset className="section">
        <legend>Container</legend>
        <ChoiceField
          id="packaging-container"
          label="Kind of container"
          wide
          value={entry.containerType}
          placeholder="Choose the container…"
          options={containerTypes.map((type) => ({ value: type, label: type }))}
          problem={problems['packaging-container']}
          onChange={(containerType) => {
            set({ containerType });
          }}
        />
        {entry.containerType === OTHER_CONTAINER && (
          <TextField
            id="packaging-other"
            label="Describe the container"
            hint="What it is and how it shows that it was opened."
            value={entry.otherDescription}
            error={problems['packaging-other']}
            onChange={(event) => {
              set({ otherDescription: event.target.value });
            }}
          />
        )}
        <CheckboxField
          id="packaging-meets"
          label="This container meets the definition above (31 CFR 592.314)"
          checked={entry.meetsDefinition}
          error={problems['packaging-meets']}
          onChange={(event) => {
            set({ meetsDefinition: event.target.checked });
          }}
        />
        <TextField
          id="packaging-parcels"
          label="Parcels sealed in the container"
          hint={`The certificate says ${parcels.trim() === '' ? 'no number yet' : parcels.trim()}; the two must match.`}
          inputMode="numeric"
          autoComplete="off"
          value={entry.parcelsInContainer}
          error={problems['packaging-parcels']}
          onChange={(event) => {
            set({ parcelsInContainer: event.target.value });
          }}
        />
        <TextAreaField
          id="packaging-seals"
          label="Seal numbers"
          hint="One per line, as printed on the seals."
          rows={2}
          value={entry.seals}
          error={problems['packaging-seals']}
          onChange={(event) => {
            set({ seals: event.target.value });
          }}
        />
        <CheckboxField
          id="packaging-number-on-container"
          label={`The certificate number ${number} is written on the container`}
          hint="Optional; USKPA practice allows the number to be repeated on the container."
          checked={entry.numberOnContainer}
          onChange={(event) => {
            set({ numberOnContainer: event.target.checked });
          }}
        />
      </fieldset>
    </>
  );
}
