// Settings → Usual prices per carat (issue 16, rule 6): the range of US$ per carat usual for each
// HS code, outside which the value or the weight is probably mis-keyed (a warning naming the
// figure, price-plausibility-rules.ts). The defaults come from public KP statistics; the licensee
// who knows its own trade narrows or widens them. Administrators change them; main checks the
// same schema. The section saves only its own part: it reads the other settings afresh and sends
// them back unchanged, so it never undoes a change saved by the section above.
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { PriceRanges } from '../../../shared/domain/validation-settings';
import {
  PriceRangesSchema,
  defaultPriceRanges,
  priceRangeCodes,
} from '../../../shared/domain/validation-settings';
import { hsCodes } from '../../../shared/reference/reference-data';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { issuesToFieldErrors } from './licensee-form';
import { fromPriceForm, priceBoxOf, toPriceForm } from './price-ranges-form';
import type { PriceBound, PriceRangesForm } from './price-ranges-form';
import './price-ranges.css';

type Props = { api: KpApi; editable: boolean };

const NOT_SAVED = 'The prices were not saved: see the fields marked below.';

export function PriceRangesSection({ api, editable }: Props) {
  const [form, setForm] = useState<PriceRangesForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void callApi(() => api.settings.get({})).then((answer) => {
      if (!current) return;
      if (answer.ok) setForm(toPriceForm(answer.value.pricePerCaratRanges));
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const errorAt = (code: string, bound: PriceBound): string | undefined => {
    const fields = error?.fields ?? {};
    const path = Object.keys(fields).find((p) => {
      const box = priceBoxOf(p);
      return box?.code === code && box.bound === bound;
    });
    return path === undefined ? undefined : fields[path];
  };

  async function save(ranges: PriceRanges, done: string) {
    setBusy(true);
    const current = await callApi(() => api.settings.get({}));
    if (!current.ok) {
      setBusy(false);
      setError(current.error);
      return;
    }
    const view = current.value;
    const answer = await callApi(() =>
      api.settings.save({
        expiryMaxDays: view.expiryMaxDays,
        expiryMode: view.expiryMode,
        itnWarningDays: view.itnWarningDays,
        retentionYears: view.retentionYears,
        autoLockMinutes: view.autoLockMinutes,
        printerCalibration: view.printerCalibration,
        tsaUrl: view.tsaUrl,
        pricePerCaratRanges: ranges,
      }),
    );
    setBusy(false);
    if (!answer.ok) {
      const fields = answer.error.fields ?? {};
      const atBoxes = Object.keys(fields).some((path) => priceBoxOf(path) !== null);
      setError(atBoxes ? { ...answer.error, message: NOT_SAVED } : answer.error);
      return;
    }
    setError(null);
    setForm(toPriceForm(answer.value.pricePerCaratRanges));
    setSuccess(done);
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (form === null) return;
    setSuccess(null);
    const parsed = PriceRangesSchema.safeParse(fromPriceForm(form));
    if (!parsed.success) {
      setError({
        code: 'INVALID_INPUT',
        message: NOT_SAVED,
        fields: issuesToFieldErrors(parsed.error.issues),
      });
      return;
    }
    await save(parsed.data, 'Saved. The checks use these prices from the next check.');
  }

  async function reset() {
    setSuccess(null);
    await save(defaultPriceRanges, 'Back to the defaults from public KP statistics.');
  }

  return (
    <section className="panel" aria-labelledby="settings-prices">
      <h2 id="settings-prices">Usual prices per carat</h2>
      <p className="note">
        A value far outside the usual US$ per carat for its HS code gets a warning that names the
        figure: a slipped decimal point in the weight or the value is a common cause. The defaults
        come from public Kimberley Process statistics and are deliberately wide; narrow them to your
        own trade.
      </p>
      {/* The summary sits above the boxes it refers to; each box shows its own message too. */}
      <FormAlert error={error} success={success} />
      {form === null ? null : (
        <form onSubmit={(event) => void submit(event)} noValidate aria-label="Usual prices">
          <div className="price-ranges">
            {priceRangeCodes.map((code) => {
              const label = hsCodes.find((entry) => entry.code === code)?.label ?? code;
              return (
                <fieldset key={code} className="price-ranges__code">
                  <legend>
                    {code} · {label.split(' (')[0]}
                  </legend>
                  {(['minUsdPerCarat', 'maxUsdPerCarat'] as const).map((bound) => (
                    <TextField
                      key={bound}
                      id={`price-${code}-${bound}`}
                      label={`${code} ${bound === 'minUsdPerCarat' ? 'lowest' : 'highest'} US$ per carat`}
                      name={`${code}.${bound}`}
                      inputMode="decimal"
                      value={form[code][bound]}
                      disabled={!editable || busy}
                      hint={`Default: ${String(defaultPriceRanges[code][bound])}`}
                      error={errorAt(code, bound)}
                      onChange={(event) => {
                        setForm({
                          ...form,
                          [code]: { ...form[code], [bound]: event.target.value },
                        });
                      }}
                    />
                  ))}
                </fieldset>
              );
            })}
          </div>
          {editable ? (
            <div className="form-actions">
              <button type="button" className="button" disabled={busy} onClick={() => void reset()}>
                Reset to the defaults
              </button>
              <button type="submit" className="button button--primary" disabled={busy}>
                Save the prices
              </button>
            </div>
          ) : null}
        </form>
      )}
    </section>
  );
}
