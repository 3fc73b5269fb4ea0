// Settings → Printing on this computer (every role): the printer the print-on-form overlay is made
// for, its offsets on USKPA's pre-printed form, and how numbers and dates are written. These are
// this computer's preferences (preferences:get / preferences:save, kept by main), not the
// licensee's record: a vault restored on another computer never brings them along (issue 16).
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { Preferences } from '../../../shared/preferences/preferences-schema';
import { preferenceLocales } from '../../../shared/preferences/preferences-schema';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { useChangeLocale } from '../format/locale-context';

type Form = { printer: string; offsetXPt: string; offsetYPt: string; locale: string };

function toForm(preferences: Preferences): Form {
  const printer = preferences.currentPrinter ?? '';
  const offsets = preferences.printerCalibrations[printer] ?? { offsetXPt: 0, offsetYPt: 0 };
  return {
    printer,
    offsetXPt: String(offsets.offsetXPt),
    offsetYPt: String(offsets.offsetYPt),
    locale: preferences.locale,
  };
}

const asNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function PrinterPreferencesSection({ api }: { api: KpApi }) {
  const [saved, setSaved] = useState<Preferences | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const changeLocale = useChangeLocale();

  useEffect(() => {
    let current = true;
    void callApi(() => api.preferences.get({})).then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setSaved(answer.value);
        setForm(toForm(answer.value));
      } else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const errorAt = (suffix: string): string | undefined => {
    const fields = error?.fields ?? {};
    const path = Object.keys(fields).find((p) => p.endsWith(suffix));
    return path === undefined ? undefined : fields[path];
  };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (form === null || saved === null) return;
    setSuccess(null);
    setBusy(true);
    const printer = form.printer.trim();
    const answer = await callApi(() =>
      api.preferences.save({
        ...(printer === ''
          ? { currentPrinter: null }
          : {
              currentPrinter: printer,
              printerCalibrations: {
                ...saved.printerCalibrations,
                [printer]: {
                  offsetXPt: asNumber(form.offsetXPt),
                  offsetYPt: asNumber(form.offsetYPt),
                },
              },
            }),
        locale: form.locale as Preferences['locale'],
      }),
    );
    setBusy(false);
    if (!answer.ok) {
      setError({
        ...answer.error,
        message: 'Nothing was saved: see the fields marked below.',
      });
      return;
    }
    setError(null);
    setSaved(answer.value);
    setForm(toForm(answer.value));
    // Every screen writes numbers and dates the new way at once, without a restart.
    changeLocale(answer.value.locale);
    setSuccess('Saved on this computer. The next overlay and calibration page use these offsets.');
  }

  if (form === null) return null;
  const set = (key: keyof Form) => (event: { target: { value: string } }) => {
    setForm({ ...form, [key]: event.target.value });
  };
  return (
    <section className="panel" aria-labelledby="settings-printing">
      <h2 id="settings-printing">Printer and formats (kept here, not in the vault)</h2>
      <p>
        Kept on this computer, not in the vault: each printer places the overlay a little
        differently, so each printer has its own offsets.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Printer and formats">
        {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
        <FormAlert error={error} success={success} />
        <div className="field-grid">
          <TextField
            label="Printer name"
            name="printer"
            value={form.printer}
            onChange={set('printer')}
            hint="The printer you print the overlay on (each printer keeps its own offsets)."
            error={errorAt('currentPrinter')}
          />
          <TextField
            label="Printer offset right (points)"
            name="offsetXPt"
            inputMode="decimal"
            value={form.offsetXPt}
            onChange={set('offsetXPt')}
            hint="72 points = 1 inch. Positive moves the print to the right, negative to the left."
            error={errorAt('offsetXPt')}
          />
          <TextField
            label="Printer offset up (points)"
            name="offsetYPt"
            inputMode="decimal"
            value={form.offsetYPt}
            onChange={set('offsetYPt')}
            hint="Positive moves the print up, negative down. Between -72 and 72."
            error={errorAt('offsetYPt')}
          />
          <div className="form-field">
            <label className="form-field__label" htmlFor="preferences-locale">
              Numbers and dates
            </label>
            <select
              id="preferences-locale"
              className="control"
              value={form.locale}
              onChange={set('locale')}
            >
              {preferenceLocales.map((locale) => (
                <option key={locale} value={locale}>
                  {new Intl.NumberFormat(locale).format(12500.5)} ·{' '}
                  {new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
                    new Date('2026-11-27T12:00:00Z'),
                  )}{' '}
                  ({locale})
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Save for this computer
          </button>
        </div>
      </form>
    </section>
  );
}
