// The HS code select: exactly the three rough-diamond subheadings (31 CFR 592.307(k)), each with
// its label, so the user picks a code instead of typing one.
import type { Finding } from '../../../shared/domain/finding';
import { hsCodes } from '../../../shared/reference/reference-data';
import { normalizeHsCode } from '../../../shared/domain/rules/hs-code-rules';
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
  // A draft from a file may carry the 8- or 10-digit line ("7102.31.00"): the same subheading.
  const shown = normalizeHsCode(value);
  const known = hsCodes.some((entry) => entry.code === shown);
  return (
    <Field field="hsCodes" label="HS code" findings={findings} wide>
      {(control) => (
        <select
          {...control}
          className="control"
          value={shown}
          onChange={(event) => {
            onValueChange(event.target.value);
            onLeave();
          }}
          onBlur={onLeave}
        >
          <option value="">Choose the HS code…</option>
          {!known && shown !== '' && (
            <option value={shown}>{shown} (not a rough-diamond code)</option>
          )}
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
