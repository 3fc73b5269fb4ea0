// Void a certificate: a reason from USKPA's list, notes when the reason is "Other", then a
// confirmation that names the certificate. Voiding is irreversible and the number is never used
// again; Census must receive a copy of the voided certificate immediately
// (31 CFR 592.301(a)(1)(v); 15 CFR 30.4(e)). The same lifecycle rule the vault applies checks the
// reason and notes as typed (shared/domain/lifecycle.ts).
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { OTHER_VOID_REASON, transition } from '../../../shared/domain/lifecycle';
import { voidReasons } from '../../../shared/reference/reference-data';
import { callApi } from '../shell/call-api';
import { ActionFailure } from './ActionFeedback';
import { ActionField, ActionForm, ActionNoteField } from './ActionField';
import { ConfirmDialog } from './ConfirmDialog';
import type { ActionProps } from './ShipAction';

type VoidErrors = { reason?: string; notes?: string };

function voidErrors(record: ActionProps['record'], reason: string, notes: string): VoidErrors {
  if (reason === '')
    return { reason: 'Choose the reason for voiding from USKPA’s list (USKPA void form).' };
  const check = transition(record.state, { type: 'void', reason, notes });
  if (check.ok) return {};
  const text = `${check.error.message} (${check.error.source})`;
  return check.error.refusal === 'VOID_NOTES_REQUIRED' ? { notes: text } : { reason: text };
}

export function VoidAction({ api, record, onDone }: ActionProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  const errors = voidErrors(record, reason, notes);
  const shown = showErrors ? errors : {};
  const notesRequired = reason === OTHER_VOID_REASON;

  const review = () => {
    setShowErrors(true);
    setFailure(null);
    if (errors.reason !== undefined) document.getElementById(`${id}-reason`)?.focus();
    else if (errors.notes !== undefined) document.getElementById(`${id}-notes`)?.focus();
    else setConfirming(true);
  };

  const confirm = async () => {
    setBusy(true);
    const result = await callApi(() =>
      api.certificates.void({ id: record.id, reason, notes: notes.trim() }),
    );
    setBusy(false);
    setConfirming(false);
    if (result.ok)
      onDone(
        result.value,
        `${record.number} is voided. Send a copy of the voided certificate to Census now (31 CFR 592.301(a)(1)(v)).`,
      );
    else setFailure(result.error);
  };

  return (
    <ActionForm titleId={`${id}-title`} title="Void this certificate" onSubmit={review}>
      <p className="field__hint" data-testid="void-number-used-up">
        Voiding cannot be undone. The form number {record.number} is then used up: no other
        certificate will ever carry it.
      </p>
      <ActionField id={`${id}-reason`} label="Reason for voiding" error={shown.reason}>
        {(control) => (
          <select
            {...control}
            className="control"
            required
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          >
            <option value="">Choose a reason…</option>
            {voidReasons.map((text) => (
              <option key={text} value={text}>
                {text}
              </option>
            ))}
          </select>
        )}
      </ActionField>
      <ActionNoteField
        id={`${id}-notes`}
        label={`Notes${notesRequired ? ' (required for “Other”)' : ' (optional)'}`}
        hint="USKPA’s void form asks for notes when the reason is “Other”."
        error={shown.notes}
        rows={3}
        required={notesRequired}
        value={notes}
        onValueChange={setNotes}
      />
      <ActionFailure error={failure} />
      <div className="action-form__buttons">
        <button type="submit" className="button" disabled={busy}>
          Void {record.number}…
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={`Void certificate ${record.number}?`}
          confirmLabel={`Void ${record.number}`}
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
            Reason: {reason}
            {notes.trim() === '' ? '' : ` (${notes.trim()})`}.
          </p>
          <p>
            Voiding cannot be undone. The form number {record.number} is then used up: no other
            certificate will ever carry it. Census must then receive a copy of the voided
            certificate immediately (31 CFR 592.301(a)(1)(v)).
          </p>
        </ConfirmDialog>
      ) : null}
    </ActionForm>
  );
}
