// The licensee's four details, each with what it is for. Used by first-run setup and Settings.
import { formatEmployerNumber } from '../../../shared/records/employer-number';
import { CheckboxField, TextAreaField, TextField } from '../shell/form/FormField';
import type { LicenseeForm } from './licensee-form';

type Props = {
  form: LicenseeForm;
  onChange: (next: LicenseeForm) => void;
  errorOf: (field: keyof LicenseeForm) => string | undefined;
  disabled?: boolean;
};

export function LicenseeFields({ form, onChange, errorOf, disabled }: Props) {
  return (
    <div className="field-stack">
      <TextField
        label="Legal name"
        name="legalName"
        autoComplete="organization"
        value={form.legalName}
        disabled={disabled}
        onChange={(event) => {
          onChange({ ...form, legalName: event.target.value });
        }}
        hint="The company's name exactly as on your USKPA licence."
        error={errorOf('legalName')}
      />
      <TextAreaField
        label="Address"
        name="address"
        rows={3}
        value={form.address}
        disabled={disabled}
        onChange={(event) => {
          onChange({ ...form, address: event.target.value });
        }}
        hint="Street, city, state, ZIP and country, as printed in the exporter box of the certificate."
        error={errorOf('address')}
      />
      <TextField
        label="Taxpayer Identification Number (TIN)"
        name="tin"
        inputMode="numeric"
        placeholder="12-3456789"
        value={form.tin}
        disabled={disabled}
        onChange={(event) => {
          onChange({ ...form, tin: event.target.value });
        }}
        onBlur={() => {
          // Nine digits typed without the hyphen: shown as the EIN they are (IRS NN-NNNNNNN).
          const formatted = formatEmployerNumber(form.tin);
          if (formatted !== form.tin) onChange({ ...form, tin: formatted });
        }}
        hint="The IRS employer number (EIN) in the form NN-NNNNNNN. It identifies you in AES filings."
        error={errorOf('tin')}
      />
      <CheckboxField
        label="We are a common carrier"
        name="isCommonCarrier"
        checked={form.isCommonCarrier}
        disabled={disabled}
        onChange={(event) => {
          onChange({ ...form, isCommonCarrier: event.target.checked });
        }}
        hint="Tick only if USKPA licensed you as a common carrier (e.g. Brink's, Ferrari, Loomis, Malca-Amit): you may then issue certificates for other exporters. Any other licensee is always its own exporter."
        error={errorOf('isCommonCarrier')}
      />
    </div>
  );
}
