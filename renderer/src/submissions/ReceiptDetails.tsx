// One stored receipt and the checks made on it again today: "Verified" only when each passes;
// otherwise the list says which did not, or could not be made.
import { useEffect, useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ReceiptView } from '../../../shared/records/submission-views';
import { formatTimestamp } from '../records/record-format';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';

const mark = (passed: boolean | null): string =>
  passed === true ? 'Passed' : passed === false ? 'Failed' : 'Not checked';

type Confirmed = NonNullable<ReceiptView['confirmedByUser']>;

const methodWords: Record<NonNullable<Confirmed['method']>, string> = {
  fax: 'Fax',
  'secure-file-transfer': 'Secure file transfer (Census)',
  other: 'Another way',
};

// The app's form always records how and when; only `kpdesk submissions confirm` without
// --method/--sent-at records neither (manual-confirmations.ts), and then only the day it went out.
// Said as it is: who confirmed it and from where, never a method or a time nobody gave.
const howSent = (confirmed: Confirmed): string =>
  confirmed.method === null
    ? `Not stated: confirmed from the command line by ${confirmed.username}, not by the recipient`
    : methodWords[confirmed.method];

const sentWhen = (confirmed: Confirmed): string =>
  confirmed.method === null
    ? `${confirmed.sentAt.slice(0, 10)} (the day only, as given on the command line)`
    : formatTimestamp(confirmed.sentAt);

export function ReceiptDetails({
  api,
  id,
  onClose,
}: {
  api: KpApi;
  id: number;
  onClose: () => void;
}) {
  const titleId = useId();
  const [receipt, setReceipt] = useState<ReceiptView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let current = true;
    void callApi(() => api.submissions.receipt({ id })).then((answer) => {
      if (!current) return;
      if (answer.ok) setReceipt(answer.value);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, id]);

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Receipt of submission {id}</h2>
      <FormAlert error={error} />
      {receipt === null && error === null ? <p role="status">Checking the receipt…</p> : null}
      {receipt?.confirmedByUser !== undefined ? (
        // Manual channel: nothing came from the recipient, so nothing is "verified" or "received".
        <>
          <p>
            <strong>Confirmed by the user, not by the recipient.</strong> KP Desk did not send this
            copy and holds no acknowledgement from the recipient.
          </p>
          <dl className="details">
            <dt>How it was sent</dt>
            <dd>{howSent(receipt.confirmedByUser)}</dd>
            <dt>Sent (as recorded)</dt>
            <dd>{sentWhen(receipt.confirmedByUser)}</dd>
            <dt>Confirmation reference</dt>
            <dd>{receipt.confirmedByUser.reference}</dd>
            {receipt.confirmedByUser.note !== null ? (
              <>
                <dt>Note</dt>
                <dd>{receipt.confirmedByUser.note}</dd>
              </>
            ) : null}
            <dt>Recorded by</dt>
            <dd>
              {receipt.confirmedByUser.username},{' '}
              {formatTimestamp(receipt.confirmedByUser.recordedAt)}
            </dd>
          </dl>
        </>
      ) : null}
      {receipt !== null && receipt.confirmedByUser === undefined ? (
        <>
          <p>
            <strong>
              {receipt.verified
                ? 'Verified today: this receipt proves the delivery.'
                : 'Not verified today: see which check did not pass.'}
            </strong>
          </p>
          <dl className="details">
            <dt>Receipt</dt>
            <dd>{receipt.receiptId}</dd>
            <dt>Received by the recipient</dt>
            <dd>{formatTimestamp(receipt.receivedAt)}</dd>
            <dt>Answer</dt>
            <dd>{receipt.status === 'accepted' ? 'Accepted' : 'Accepted with warnings'}</dd>
            {receipt.auditHead !== null ? (
              <>
                <dt>Audit-chain head echoed</dt>
                <dd>
                  event {receipt.auditHead.seq}, {receipt.auditHead.hash.slice(0, 16)}…
                </dd>
              </>
            ) : null}
          </dl>
          {receipt.warnings.length > 0 ? (
            <>
              <h3>Warnings from the recipient</h3>
              <ul>
                {receipt.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>What was checked</h3>
          <ul className="receipt-checks">
            {receipt.checks.map((check) => (
              <li key={check.label}>
                <strong>
                  {check.label}: {mark(check.passed)}.
                </strong>{' '}
                {check.detail}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" className="button" onClick={onClose}>
        Close the receipt
      </button>
    </section>
  );
}
