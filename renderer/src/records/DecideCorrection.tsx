// Approve or reject one pending correction (editRequests:decide), for an administrator other than
// the one who asked. The note is required here (the vault accepts an empty one, but the record of why a
// certificate was or was not changed must say why), and the decision is confirmed in a dialog that
// names the certificate. Approval applies the proposed fields to the stored certificate only if
// they still pass every rule (electron/core/issuance/edit-request-operations.ts).
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { CertificateField } from '../../../shared/domain/certificate-draft';
import { fieldLabels } from '../certificate/field-labels';
import { callApi } from '../shell/call-api';
import { ActionFailure } from './ActionFeedback';
import { ActionNoteField } from './ActionField';
import { ConfirmDialog } from './ConfirmDialog';

type Decision = 'approve' | 'reject';

type DecideCorrectionProps = {
  api: KpApi;
  number: string;
  requestId: number;
  /** The changed fields' labels, for the confirmation and the message afterwards. */
  changedLabels: readonly string[];
  onDecided: (message: string) => void;
};

export function DecideCorrection(props: DecideCorrectionProps) {
  const { api, number, requestId, changedLabels, onDecided } = props;
  const id = useId();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  const review = (decision: Decision) => {
    setFailure(null);
    if (note.trim() === '') {
      setNoteError(
        decision === 'approve'
          ? 'Write a note saying why the correction is approved.'
          : 'Write a note saying why the correction is rejected.',
      );
      document.getElementById(`${id}-note`)?.focus();
      return;
    }
    setNoteError(null);
    setConfirming(decision);
  };

  const confirm = async (decision: Decision) => {
    setBusy(true);
    const result = await callApi(() =>
      api.editRequests.decide({ requestId, decision, note: note.trim() }),
    );
    setBusy(false);
    setConfirming(null);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    onDecided(
      decision === 'approve'
        ? `The correction of ${number} is approved and applied (${changedLabels.join(', ')}). Under Documents, choose “Sign the corrected certificate”, then print it: the PDF signed before shows the old values and is kept, marked superseded.`
        : `The correction of ${number} is rejected; the certificate stays as it was.`,
    );
  };

  return (
    <form
      className="action-form"
      aria-label={`Decide the correction of ${number}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <ActionNoteField
        id={`${id}-note`}
        label="Decision note (required)"
        hint="Kept with the decision in the audit log."
        error={noteError ?? undefined}
        rows={2}
        required
        value={note}
        onValueChange={setNote}
      />
      <ActionFailure error={failure} />
      {failure?.fields === undefined ? null : (
        <ul className="correction__findings" aria-label="What the vault refused">
          {Object.entries(failure.fields).map(([field, message]) => (
            <li key={field}>
              {field in fieldLabels ? fieldLabels[field as CertificateField] : field}: {message}
            </li>
          ))}
        </ul>
      )}
      <div className="action-form__buttons">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => {
            review('approve');
          }}
        >
          Approve…
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            review('reject');
          }}
        >
          Reject…
        </button>
      </div>
      {confirming === null ? null : (
        <ConfirmDialog
          title={
            confirming === 'approve'
              ? `Approve the correction of certificate ${number}?`
              : `Reject the correction of certificate ${number}?`
          }
          confirmLabel={confirming === 'approve' ? `Approve and change ${number}` : 'Reject it'}
          cancelLabel="Go back"
          busy={busy}
          onCancel={() => {
            setConfirming(null);
          }}
          onConfirm={() => {
            void confirm(confirming);
          }}
        >
          {confirming === 'approve' ? (
            <>
              <p>
                {number} will be changed ({changedLabels.join(', ')}); its number and state stay the
                same. The vault checks the corrected certificate against every rule first and
                refuses the approval if any error remains.
              </p>
              <p>
                The PDF signed before keeps the old values: sign the certificate again and print the
                corrected copy. A notice of the amendment is queued for USKPA.
              </p>
            </>
          ) : (
            <p>{number} stays exactly as it is; the request is closed with your note.</p>
          )}
          <p>Note: {note.trim()}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
