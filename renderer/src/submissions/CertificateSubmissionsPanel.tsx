// A certificate's submissions on its page: each copy to Census and report to USKPA with its
// status, what is not established yet, the receipt, and retry or cancel for those who may act.
// Reloaded with the record (the caller keys it on the record's version).
import { useCallback, useEffect, useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { SubmissionItem } from '../../../shared/records/submission-views';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { SubmissionDialogs } from './SubmissionDialogs';
import { SubmissionRows } from './SubmissionRows';
import { useManualRecipients } from './use-manual-recipients';
import { useSubmissionMoves } from './use-submission-moves';
import './submissions.css';

type Props = { api: KpApi; certificateId: number; canAct: boolean };

export function CertificateSubmissionsPanel({ api, certificateId, canAct }: Props) {
  const titleId = useId();
  const [items, setItems] = useState<SubmissionItem[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [receiptOf, setReceiptOf] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => {
    setVersion((n) => n + 1);
  }, []);
  const moves = useSubmissionMoves(api, reload);
  const manual = useManualRecipients(api, version);

  useEffect(() => {
    let current = true;
    void callApi(() => api.submissions.forCertificate({ certificateId })).then((answer) => {
      if (!current) return;
      if (answer.ok) setItems(answer.value);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, certificateId, version]);

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Submissions</h2>
      {/* Mounted only with something to say: the page's own forms keep the one empty alert. */}
      {moves.error !== null || error !== null || moves.note !== null ? (
        <FormAlert error={moves.error ?? error} success={moves.note} />
      ) : null}
      {items !== null && items.length === 0 ? (
        <p>
          Nothing is due yet: a report to USKPA is queued when the certificate is issued, a copy to
          Census when it is shipped or voided.
        </p>
      ) : null}
      {items !== null && items.length > 0 ? (
        <SubmissionRows
          items={items}
          caption="Submissions of this certificate"
          canAct={canAct}
          busy={moves.busy}
          showNumber={false}
          onRetry={moves.retry}
          onCancel={moves.askCancel}
          manual={manual}
          onFaxPackage={moves.faxPackage}
          onRecordConfirmation={moves.askConfirmation}
          onReceipt={(item) => {
            setReceiptOf(item.id);
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
    </section>
  );
}
