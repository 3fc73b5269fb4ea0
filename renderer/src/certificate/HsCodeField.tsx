// The HS code select: exactly the three rough-diamond subheadings (31 CFR 592.307(k)), each with
// its label, so the user picks a code instead of typing one.
import type { Finding } from '../../../shared/domain/finding';
import { hsCodes } from '../../../shared/reference/reference-data';
import { Field } from './Field';

/** "Rough diamonds, industrial (unworked or …)" → "Rough diamonds, industrial": fits the select. */
const shortLabel = (label: string) => label.split(' (')[0] ?? label;

type HsCodeFieldProps = {
  value: string;
  findings: readonly Finding[];
  onValueChange: (code: string) => void;
  onLeave: () => void;
};

export function HsCodeField({ value, findings, onValueChange, onLeave }: HsCodeFieldProps) {
  return (
    <Field field="hsCodes" label="HS code" findings={findings} wide>
      {(control) => (
        <select
          {...control}
          className="control"
          value={value}
          onChange={(event) => {
            onValueChange(event.target.value);
            onLeave();
          }}
          onBlur={onLeave}
        >
          <option value="">Choose the HS code…</option>
          {hsCodes.map((entry) => (
            <option key={entry.code} value={entry.code} title={entry.label}>
              {entry.code} · {shortLabel(entry.label)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
