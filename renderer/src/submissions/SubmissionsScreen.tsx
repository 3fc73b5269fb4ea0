// Submissions: the queue of copies to Census and reports to USKPA (issue 12). Each row says where
// the copy stands and what is not established yet; Rejected rows need the user (retry after
// fixing the cause, or cancel). Receipts open with the checks made again today, and all receipts
// can be exported to a file chosen in main's save dialog. The background delivery's state is
// polled (submissions:status) so the page follows what is being sent.
import { useCallback, useEffect, useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type {
  DeliveryState,
  SubmissionItem,
  SubmissionStatus,
} from '../../../shared/records/submission-views';
import { submissionStatuses } from '../../../shared/records/submission-views';
import type { ScreenProps } from '../navigation';
import { formatTimestamp } from '../records/record-format';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { canWriteRecords } from '../shell/permissions';
import { DemoRecipientNote } from './DemoRecipientNote';
import { SubmissionDialogs } from './SubmissionDialogs';
import { SubmissionRows } from './SubmissionRows';
import { statusLabels } from './submission-words';
import { useManualRecipients } from './use-manual-recipients';
import { useSubmissionMoves } from './use-submission-moves';
import './submissions.css';
import { usePackageAccess } from '../audit-package/package-access';
import { ReadOnlyPackageNote } from '../audit-package/ReadOnlyPackageNote';

/** How often the screen asks how the background delivery is doing. */
const POLL_MS = 3000;

function deliveryText(state: DeliveryState): string {
  if (state.state === 'stopped')
    return 'Nothing is sent by itself: no recipient with an HTTPS channel is configured (Settings → Recipients).';
  if (state.state === 'sending')
    return `Sending in the background: ${String(state.attempts)} of ${String(state.total)} attempts made.`;
  return state.nextRunAt === null
    ? 'Nothing waiting to be sent.'
    : `The next attempt is due ${formatTimestamp(state.nextRunAt)}.`;
}

export function SubmissionsScreen({ api, user, navigate }: ScreenProps & { api: KpApi }) {
  const filterId = useId();
  const [status, setStatus] = useState<SubmissionStatus | ''>('');
  const [items, setItems] = useState<SubmissionItem[] | null>(null);
  const [state, setState] = useState<DeliveryState | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [receiptOf, setReceiptOf] = useState<number | null>(null);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => {
    setVersion((n) => n + 1);
  }, []);
  const moves = useSubmissionMoves(api, reload);
  const manual = useManualRecipients(api, version);

  useEffect(() => {
    let current = true;
    const load = async () => {
      const [list, delivery] = await Promise.all([
        callApi(() => api.submissions.list(status === '' ? {} : { status })),
        callApi(() => api.submissions.status({})),
      ]);
      if (!current) return;
      if (list.ok) setItems(list.value.items);
      else setError(list.error);
      if (delivery.ok) setState(delivery.value);
    };
    void load();
    const timer = setInterval(() => {
      void load();
    }, POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api, status, version]);

  // The export re-checks each receipt against this computer's vault, which a package is not.
  const receiptsRefused = usePackageAccess().refusal('submissions:exportReceipts');
  const exportReceipts = async () => {
    setExportNote(null);
    const answer = await callApi(() => api.submissions.exportReceipts({}));
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setExportNote(
      answer.value.cancelled
        ? null
        : `${String(answer.value.receipts)} receipts written to ${answer.value.path}, each with the checks made today.`,
    );
  };

  return (
    <div className="screen-page">
      <div className="screen-page__head">
        <h1>Submissions</h1>
        <p className="screen-page__intro">
          Copies to Census after export and on voiding (31 CFR 592.301(a)(1)(iv)-(v); 15 CFR
          30.7(c)) and reports to USKPA. A copy KP Desk sends counts as delivered only with a
          receipt that KP Desk checked.
          {manual.size > 0
            ? ' A copy to a recipient on fax or secure file transfer counts as delivered once you record its confirmation: your word, not a receipt from the recipient.'
            : ''}
        </p>
      </div>
      <DemoRecipientNote api={api} />
      {state !== null ? (
        <p className="notice" role="status">
          {deliveryText(state)}
          {state.needsUser > 0
            ? ` ${String(state.needsUser)} ${state.needsUser === 1 ? 'submission needs' : 'submissions need'} you.`
            : ''}
          {state.overdue > 0
            ? ` ${String(state.overdue)} Census ${state.overdue === 1 ? 'copy is' : 'copies are'} overdue (not delivered 24 hours after export or voiding).`
            : ''}
        </p>
      ) : null}
      <div className="submissions__filters">
        <div className="form-field">
          <label htmlFor={filterId}>Status</label>
          <select
            id={filterId}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as SubmissionStatus | '');
            }}
          >
            <option value="">All statuses</option>
            {submissionStatuses.map((value) => (
              <option key={value} value={value}>
                {statusLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          disabled={receiptsRefused !== null}
          aria-describedby={receiptsRefused === null ? undefined : 'export-receipts-refused'}
          onClick={() => void exportReceipts()}
        >
          Export receipts…
        </button>
      </div>
      {receiptsRefused === null ? null : (
        <ReadOnlyPackageNote
          id="export-receipts-refused"
          reason={receiptsRefused}
          instead="the receipts are in the package itself (records/submission_receipts.json), each shown with its submission."
        />
      )}
      <FormAlert error={moves.error ?? error} success={moves.note ?? exportNote} />
      {items === null ? <p role="status">Loading the submissions…</p> : null}
      {items !== null && items.length === 0 ? (
        <p>No submissions{status === '' ? '' : ` with the status ${statusLabels[status]}`}.</p>
      ) : null}
      {items !== null && items.length > 0 ? (
        <SubmissionRows
          items={items}
          caption="Submissions, newest first"
          canAct={canWriteRecords(user.role)}
          busy={moves.busy}
          showNumber
          onRetry={moves.retry}
          onCancel={moves.askCancel}
          manual={manual}
          onFaxPackage={moves.faxPackage}
          onRecordConfirmation={moves.askConfirmation}
          onReceipt={(item) => {
            setReceiptOf(item.id);
          }}
          onOpenCertificate={(id) => {
            navigate({ screen: 'certificate', id });
          }}
        />
      ) : null}
      <SubmissionDialogs
        api={api}
        receiptOf={receiptOf}
        onCloseReceipt={() => {
          setReceiptOf(null);
        }}
        moves={moves}
      />
    </div>
  );
}
