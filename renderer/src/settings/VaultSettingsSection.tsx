// Settings → Rules, records and printing: the numbers that are settings rather than constants
// because practice is not settled (domain.md, OPEN): the expiry limit, the ITN distance warning,
// how long records are kept, when the vault locks itself, and where the printer puts the overlay
// on the blank form. Administrators change them; main checks the same bounds. The printer's
// offsets moved to "Printing on this computer" (PrinterPreferencesSection.tsx, issue 16); the
// vault's old values are sent back unchanged and imported once per computer by main.
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { VaultSettingsSchema } from '../../../shared/records/vault-settings';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { issuesToFieldErrors } from './licensee-form';
import { formKeyOf, fromForm, toForm } from './vault-settings-form';
import type { VaultSettingsForm } from './vault-settings-form';

type Props = { api: KpApi; editable: boolean };

export function VaultSettingsSection({ api, editable }: Props) {
  const [form, setForm] = useState<VaultSettingsForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [printNote, setPrintNote] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void callApi(() => api.settings.get({})).then((answer) => {
      if (!current) return;
      if (answer.ok) setForm(toForm(answer.value));
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const errorAt = (key: keyof VaultSettingsForm): string | undefined => {
    const fields = error?.fields ?? {};
    const path = Object.keys(fields).find((p) => formKeyOf(p) === key);
    return path === undefined ? undefined : fields[path];
  };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (form === null) return;
    setSuccess(null);
    const parsed = VaultSettingsSchema.safeParse(fromForm(form));
    if (!parsed.success) {
      setError({
        code: 'INVALID_INPUT',
        message: 'The settings were not saved: see the fields marked below.',
        fields: issuesToFieldErrors(parsed.error.issues),
      });
      return;
    }
    setBusy(true);
    setError(null);
    // The price ranges have their own section (PriceRangesSection.tsx): send back what the vault
    // holds now, so saving these numbers never undoes a change saved there.
    const current = await callApi(() => api.settings.get({}));
    if (!current.ok) {
      setBusy(false);
      setError(current.error);
      return;
    }
    const answer = await callApi(() =>
      api.settings.save({
        ...parsed.data,
        pricePerCaratRanges: current.value.pricePerCaratRanges,
      }),
    );
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else {
      setForm(toForm(answer.value));
      setSuccess('Saved. The rules use the new values from the next check.');
    }
  }

  async function printCalibration() {
    setPrintNote(null);
    const answer = await callApi(() => api.documents.printCalibration({}));
    if (!answer.ok) setError(answer.error);
    else
      setPrintNote(
        'cancelled' in answer.value
          ? 'No file was chosen.'
          : `Saved the calibration page to ${answer.value.path}. Print it on plain paper at 100 % and hold it against a blank form.`,
      );
  }

  if (form === null)
    return (
      <section className="panel" aria-labelledby="settings-rules">
        <h2 id="settings-rules">Rules, records and printing</h2>
        <FormAlert error={error} />
      </section>
    );

  const box = (
    key: keyof VaultSettingsForm,
    label: string,
    hint: string,
    inputMode: 'numeric' | 'url' = 'numeric',
  ) => (
    <TextField
      label={label}
      name={key}
      inputMode={inputMode}
      value={form[key]}
      disabled={!editable || busy}
      onChange={(event) => {
        setForm({ ...form, [key]: event.target.value });
      }}
      hint={hint}
      error={errorAt(key)}
    />
  );

  return (
    <section className="panel" aria-labelledby="settings-rules">
      <h2 id="settings-rules">Rules, records and printing</h2>
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label="Rules, records and printing"
      >
        {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
        <FormAlert error={error} success={success} />
        <div className="field-grid">
          {box(
            'expiryMaxDays',
            'Expiry limit (days after issue)',
            'USKPA practice is 60 days (31 CFR 592.307, Census 2019 guidance). A certificate may not expire later.',
          )}
          <div className="form-field">
            <label className="form-field__label" htmlFor="settings-expiry-mode">
              The date of expiry is
            </label>
            <select
              id="settings-expiry-mode"
              name="expiryMode"
              className="control"
              value={form.expiryMode}
              disabled={!editable || busy}
              aria-describedby="settings-expiry-mode-hint"
              onChange={(event) => {
                setForm({ ...form, expiryMode: event.target.value });
              }}
            >
              <option value="at-most">at most that many days after issue</option>
              <option value="exactly">exactly that many days after issue</option>
            </select>
            <div className="form-field__hint" id="settings-expiry-mode-hint">
              USKPA’s own database issues certificates that expire exactly 60 days after issue.
            </div>
          </div>
          {box(
            'itnWarningDays',
            'ITN date warning (days)',
            'Warn when the ITN was accepted more than this many days before or after the date of issue.',
          )}
          {box(
            'retentionYears',
            'Keep records (years)',
            'At least 5 (15 CFR 30.10); OFAC’s record rule (31 CFR 501.601) says 10, the default.',
          )}
          {box(
            'autoLockMinutes',
            'Lock the vault after (minutes idle)',
            'The vault locks itself when nobody used KP Desk for this long.',
          )}
          {box(
            'tsaUrl',
            'Time-stamp authority (RFC 3161 address)',
            'Signatures get a trusted time and long-term validation data (PAdES B-LT) from this service, so they can be checked after the signing certificate expires. Empty: signed without (B-B). If it cannot be reached, the document is still signed, as B-B.',
            'url',
          )}
        </div>
        {editable ? (
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void printCalibration()}>
              Save a calibration page to print
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              Save the settings
            </button>
          </div>
        ) : null}
        <p role="status" className="note">
          {printNote ?? ''}
        </p>
      </form>
    </section>
  );
}
