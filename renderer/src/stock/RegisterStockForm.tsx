// Registering purchased blank forms: the numbers printed on the forms bought from USKPA, as
// ranges and lists ("US10000-US10099, US10150"). Each number can be used once, ever (a voided
// number is never reused), so registering tells KP Desk which numbers are yours to draft on.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextAreaField, TextField } from '../shell/form/FormField';

export type StockSummary = ChannelOutput<'stock:summary'>;

type Props = {
  api: KpApi;
  onRegistered: (summary: StockSummary) => void;
  submitLabel?: string;
};

export function RegisterStockForm({
  api,
  onRegistered,
  submitLabel = 'Register these forms',
}: Props) {
  const [numbers, setNumbers] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setSuccess(null);
    if (numbers.trim() === '') {
      const rule = 'Enter the form numbers, e.g. US10000-US10099, US10150.';
      setError({ code: 'INVALID_INPUT', message: rule, fields: { numbers: rule } });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.stock.register({ numbers, description }));
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setNumbers('');
    setDescription('');
    setSuccess(`Registered. ${String(answer.value.counts.available)} blank forms are available.`);
    onRegistered(answer.value);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Register purchased forms">
      <div className="field-stack">
        <TextAreaField
          label="Form numbers"
          name="numbers"
          rows={3}
          spellCheck={false}
          value={numbers}
          onChange={(event) => {
            setNumbers(event.target.value);
          }}
          hint={
            <>
              The numbers printed on the blank forms you bought from USKPA. Ranges with a dash and
              lists with commas, e.g. <code>US10000-US10099, US10150</code>. Each number is used
              once, ever.
            </>
          }
          error={fieldError(error, 'numbers')}
        />
        <TextField
          label="Note (optional)"
          name="description"
          value={description}
          onChange={(event) => {
            setDescription(event.target.value);
          }}
          hint="For example the USKPA invoice or delivery date of this batch."
          error={fieldError(error, 'description')}
        />
      </div>
      <FormAlert error={error} success={success} />
      {busy ? <BusyNote label="Registering the form numbers" /> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
