// The incoming (import) certificates in Records: newest entry first, each with its receipt
// confirmation's due date (an "Overdue" mark once the 15 days have passed) and its Census copy's
// state. A row opens the certificate's page.
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { IncomingListItem } from '../../../shared/incoming/incoming-views';
import { callApi } from '../shell/call-api';
import { censusCopyText, receiptDutyText } from './receipt-duty-words';

export function IncomingList({ api, onOpen }: { api: KpApi; onOpen: (number: string) => void }) {
  const [items, setItems] = useState<IncomingListItem[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    void callApi(() => api.incoming.list({})).then((answer) => {
      if (!live) return;
      if (answer.ok) setItems(answer.value);
      else setError(answer.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  if (error !== null)
    return (
      <div className="records__error" role="alert" data-error-code={error.code}>
        <p>{error.message}</p>
      </div>
    );
  if (items === null)
    return (
      <p className="records__count" role="status">
        Reading the incoming certificates…
      </p>
    );
  const overdue = items.filter((item) => item.receiptDuty === 'overdue').length;
  return (
    <>
      <p className="records__count" role="status" data-testid="incoming-count">
        {items.length === 0
          ? 'No incoming certificates yet.'
          : `${String(items.length)} incoming ${items.length === 1 ? 'certificate' : 'certificates'}`}
      </p>
      {overdue > 0 ? (
        <p className="notice notice--warning" data-testid="incoming-overdue">
          {overdue === 1
            ? '1 receipt confirmation is overdue'
            : `${String(overdue)} receipt confirmations are overdue`}{' '}
          (owed to the exporting authority within 15 calendar days of entry). Open the certificate
          to produce it and record when it was sent.
        </p>
      ) : null}
      {items.length === 0 ? null : (
        <table className="incoming-table">
          <caption className="visually-hidden">Incoming certificates</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">From</th>
              <th scope="col">Entered</th>
              <th scope="col">Carats</th>
              <th scope="col">Exporter</th>
              <th scope="col">Receipt confirmation</th>
              <th scope="col">Census copy</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="incoming-row">
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onOpen(item.number);
                    }}
                  >
                    {item.number}
                  </button>
                </th>
                <td>{item.exportingParticipant}</td>
                <td>{item.dateOfEntry}</td>
                <td>{item.carats}</td>
                <td>{item.exporter.name}</td>
                <td
                  className={
                    item.receiptDuty === 'overdue'
                      ? 'incoming-duty incoming-duty--overdue'
                      : 'incoming-duty'
                  }
                  data-testid="receipt-duty"
                >
                  {receiptDutyText(item)}
                </td>
                <td>{censusCopyText(item)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
