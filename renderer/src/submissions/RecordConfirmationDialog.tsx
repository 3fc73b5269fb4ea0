// "Record confirmation…" for a copy sent by the manual channel (fax to Census's KP contact, or
// Census's secure file transfer; 31 CFR 592.301(a)(1)(iv)-(v)): how it went out, when, the
// confirmation reference (the fax transmission report number, the transfer's receipt id) and an
// optional note. The core checks again and stores it as the receipt, worded as confirmed by the
// user, not by the recipient. A modal dialog (use-dialog-focus.ts): focus starts in it, Tab stays
// inside, Escape closes it, and focus returns to what opened it.
import type { SyntheticEvent } from 'react';
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { SubmissionItem } from '../../../shared/records/submission-views';
import { FormAlert } from '../shell/form/FormAlert';
import { TextAreaField, TextField } from '../shell/form/FormField';
import { SelectField } from '../shell/form/SelectField';
import { fieldError } from '../shell/form/field-errors';
import { useDialogFocus } from '../shell/use-dialog-focus';
import { recipientNames } from './submission-words';

export type ManualMethod = 'fax' | 'secure-file-transfer' | 'other';

export type ConfirmationForm = {
  method: ManualMethod;
  /** ISO 8601 (UTC) from the local date and time typed. */
  sentAt: string;
  reference: string;
  note?: string;
};

type Props = {
  item: SubmissionItem;
  busy: boolean;
  /** The core's refusal, shown at its field. */
  error: AppError | null;
  now: () => Date;
  onSave: (form: ConfirmationForm) => void;
  onCancel: () => void;
};

/** "2026-12-07T14:30" in the computer's time zone, what a datetime-local input holds. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function RecordConfirmationDialog({ item, busy, error, now, onSave, onCancel }: Props) {
  const titleId = useId();
  const [method, setMethod] = useState<ManualMethod>('fax');
  const [sentAt, setSentAt] = useState(() => localDateTime(now()));
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});

  // Focus starts on "How it was sent", the dialog's first field.
  const { dialogRef, onKeyDown } = useDialogFocus({ onEscape: onCancel, busy });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (reference.trim() === '')
      problems.reference =
        'Give the fax confirmation or the transfer reference (the number on the fax transmission report, or the receipt id of the upload).';
    const at = new Date(sentAt);
    if (sentAt === '' || Number.isNaN(at.getTime()))
      problems.sentAt = 'Give the date and time it was sent.';
    else if (at.getTime() > now().getTime() + 60_000)
      problems.sentAt = 'The date and time sent is in the future.';
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    onSave({
      method,
      sentAt: at.toISOString(),
      reference: reference.trim(),
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    });
  };

  const shown = (field: string) => local[field] ?? fieldError(error, field);
  // A field's own refusal goes once the user edits that field (the others stay until Save), so
  // a typed reference is not still marked "Give the … reference".
  const edited = (field: string) => {
    setLocal((problems) =>
      field in problems
        ? Object.fromEntries(Object.entries(problems).filter(([name]) => name !== field))
        : problems,
    );
  };
  const to = recipientNames[item.recipient];
  const hasLocal = Object.keys(local).length > 0;

  return (
    <div className="confirm-backdrop">
      <div
        ref={dialogRef}
        className="confirm confirm--form"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>
          Record that {item.number} was sent to {to}
        </h2>
        <p>
          KP Desk did not send this copy. What you record here is kept as its receipt: confirmed by
          you, not by {to}.
        </p>
        <form noValidate onSubmit={submit}>
          <FormAlert
            error={
              hasLocal
                ? { code: 'INVALID_INPUT', message: 'Check the fields marked below.' }
                : error
            }
          />
          <SelectField
            label="How it was sent"
            value={method}
            error={shown('method')}
            onChange={(event) => {
              setMethod(event.target.value as ManualMethod);
            }}
          >
            <option value="fax">Fax</option>
            <option value="secure-file-transfer">Secure file transfer (Census)</option>
            <option value="other">Other</option>
          </SelectField>
          <TextField
            label="Date and time sent"
            type="datetime-local"
            value={sentAt}
            error={shown('sentAt')}
            hint="In this computer's time zone."
            onChange={(event) => {
              setSentAt(event.target.value);
              edited('sentAt');
            }}
          />
          <TextField
            label="Confirmation reference"
            hint="The fax transmission report number, or the secure file transfer's receipt id."
            value={reference}
            error={shown('reference')}
            onChange={(event) => {
              setReference(event.target.value);
              edited('reference');
            }}
          />
          <TextAreaField
            label="Note (optional)"
            value={note}
            error={shown('note')}
            onChange={(event) => {
              setNote(event.target.value);
            }}
          />
          <div className="action-form__buttons">
            <button type="button" className="button" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              Record the confirmation
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
