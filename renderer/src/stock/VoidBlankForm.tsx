// Voiding a spoiled blank form that was never drafted (jammed in the printer, torn, lost): its
// number leaves the stock for good and is never reused (31 CFR 592.307). The reason comes from
// USKPA's list, only the reasons that fit an unused form (lifecycle.ts, blankFormVoidReasons);
// "Other" needs notes (main checks both). Voiding cannot be undone, so a dialog naming the form
// and the reason asks first (issue 16).
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { OTHER_VOID_REASON, blankFormVoidReasons } from '../../../shared/domain/lifecycle';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { ConfirmDialog } from '../records/ConfirmDialog';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextAreaField, TextField } from '../shell/form/FormField';
import { SelectField } from '../shell/form/SelectField';
import type { StockSummary } from './RegisterStockForm';

type Props = { api: KpApi; onVoided: (summary: StockSummary) => void };

export function VoidBlankForm({ api, onVoided }: Props) {
  const [form, setForm] = useState({ number: '', reason: '', notes: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function review(event: SyntheticEvent) {
    event.preventDefault();
    setSuccess(null);
    const fields: Record<string, string> = {};
    if (form.number.trim() === '')
      fields.number = 'Enter the number printed on the form, e.g. US10007.';
    if (form.reason === '') fields.reason = 'Choose a reason from USKPA’s list.';
    if (form.reason === OTHER_VOID_REASON && form.notes.trim() === '')
      fields.notes = 'Say what happened: notes are required for “Other”.';
    if (Object.keys(fields).length > 0) {
      setError({
        code: 'INVALID_INPUT',
        message: 'The form was not voided: see the fields marked with a message below.',
        fields,
      });
      return;
    }
    setError(null);
    setConfirming(true);
  }

  async function confirm() {
    setBusy(true);
    const answer = await callApi(() =>
      api.stock.voidBlank({ number: form.number.trim(), reason: form.reason, notes: form.notes }),
    );
    setBusy(false);
    setConfirming(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setSuccess(
      `Form ${form.number.trim()} is voided: its number is used up and no certificate will ever carry it.`,
    );
    setForm({ number: '', reason: '', notes: '' });
    onVoided(answer.value);
  }

  return (
    <form onSubmit={review} noValidate aria-label="Void a spoiled blank form">
      {/* Above the fields it refers to, so "the fields marked" are the ones that follow. */}
      <FormAlert error={error} success={success} />
      <div className="field-grid">
        <TextField
          label="Form number to void"
          name="number"
          value={form.number}
          onChange={(event) => {
            setForm({ ...form, number: event.target.value });
          }}
          hint="A blank form spoiled before any certificate was drafted on it."
          error={fieldError(error, 'number')}
        />
        <SelectField
          label="Reason"
          name="reason"
          value={form.reason}
          onChange={(event) => {
            setForm({ ...form, reason: event.target.value });
          }}
          error={fieldError(error, 'reason')}
        >
          <option value="">Choose a reason…</option>
          {blankFormVoidReasons.map((reason) => (
            <option key={reason} value={reason}>
              {reason}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          className="field--wide"
          label={form.reason === OTHER_VOID_REASON ? 'Notes (required)' : 'Notes (optional)'}
          name="notes"
          rows={2}
          value={form.notes}
          onChange={(event) => {
            setForm({ ...form, notes: event.target.value });
          }}
          error={fieldError(error, 'notes')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Void this form
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={`Void blank form ${form.number.trim()}?`}
          confirmLabel={`Void ${form.number.trim()}`}
          cancelLabel="Keep it"
          busy={busy}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            void confirm();
          }}
        >
          <p>
            Reason: {form.reason}
            {form.notes.trim() === '' ? '' : ` (${form.notes.trim()})`}.
          </p>
          <p>
            Voiding cannot be undone. The number {form.number.trim()} is then used up: no
            certificate will ever carry it, and Census and USKPA are told it was voided.
          </p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
