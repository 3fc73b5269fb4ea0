// The submissions as a table (the Submissions screen and a certificate's panel): recipient, what
// made the copy due, status with what is not established yet, and the user's moves. Retry and
// cancel are offered to operators and administrators only; the core checks the role again.
import type { SubmissionItem } from '../../../shared/records/submission-views';
import { formatTimestamp } from '../records/record-format';
import { SubmissionStatusBadge } from './SubmissionStatusBadge';
import type { ManualRecipients } from './use-manual-recipients';
import {
  kindText,
  mayCancel,
  mayConfirmManually,
  mayRetry,
  recipientNames,
  statusDetail,
} from './submission-words';

type Props = {
  items: readonly SubmissionItem[];
  caption: string;
  canAct: boolean;
  busy: boolean;
  showNumber: boolean;
  onRetry: (item: SubmissionItem) => void;
  onCancel: (item: SubmissionItem) => void;
  onReceipt: (item: SubmissionItem) => void;
  onOpenCertificate?: (certificateId: number) => void;
  /** Recipients set to fax or secure file transfer: their rows are packaged and confirmed. */
  manual?: ManualRecipients;
  onFaxPackage?: (item: SubmissionItem) => void;
  onRecordConfirmation?: (item: SubmissionItem) => void;
};

export function SubmissionRows(props: Props) {
  const { items, caption, canAct, busy, showNumber } = props;
  return (
    // A narrow column (the certificate page) scrolls the table inside its own focusable region,
    // never the page sideways.
    <div className="submissions__scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {showNumber ? <th scope="col">Certificate</th> : null}
            <th scope="col">To</th>
            <th scope="col">What</th>
            <th scope="col">Status</th>
            {showNumber ? <th scope="col">Queued</th> : null}
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-submission={item.idempotencyKey}>
              {showNumber ? (
                <td>
                  {item.certificateId !== null && props.onOpenCertificate !== undefined ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        if (item.certificateId !== null)
                          props.onOpenCertificate?.(item.certificateId);
                      }}
                    >
                      {item.number}
                    </button>
                  ) : (
                    item.number
                  )}
                </td>
              ) : null}
              <td>{recipientNames[item.recipient]}</td>
              <td>{kindText(item.kind)}</td>
              <td>
                <SubmissionStatusBadge status={item.status} />
                <div className="submissions__detail">
                  {statusDetail(item, props.manual?.has(item.recipient) === true)}
                </div>
              </td>
              {showNumber ? <td>{formatTimestamp(item.queuedAt)}</td> : null}
              <td>
                <div className="submissions__actions">
                  {item.receiptId !== null ? (
                    <button
                      type="button"
                      className="button"
                      aria-label={`Receipt: ${item.number} to ${recipientNames[item.recipient]}`}
                      onClick={() => {
                        props.onReceipt(item);
                      }}
                    >
                      Receipt
                    </button>
                  ) : null}
                  {canAct &&
                  props.manual?.has(item.recipient) === true &&
                  mayConfirmManually(item) ? (
                    <>
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        aria-label={`Prepare fax package: ${item.number} to ${recipientNames[item.recipient]}`}
                        onClick={() => {
                          props.onFaxPackage?.(item);
                        }}
                      >
                        Prepare fax package…
                      </button>
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        aria-label={`Record confirmation: ${item.number} to ${recipientNames[item.recipient]}`}
                        onClick={() => {
                          props.onRecordConfirmation?.(item);
                        }}
                      >
                        Record confirmation…
                      </button>
                    </>
                  ) : null}
                  {canAct && mayRetry(item) && props.manual?.has(item.recipient) !== true ? (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={`Retry now: ${item.number} to ${recipientNames[item.recipient]}`}
                      onClick={() => {
                        props.onRetry(item);
                      }}
                    >
                      Retry now
                    </button>
                  ) : null}
                  {canAct && mayCancel(item) ? (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={`Cancel: ${item.number} to ${recipientNames[item.recipient]}`}
                      onClick={() => {
                        props.onCancel(item);
                      }}
                    >
                      Cancel
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
