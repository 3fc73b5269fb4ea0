// One incoming certificate: what the paper says, its scan (shown here when it is an image; a PDF
// scan is named, its bytes kept in the vault), its Census copy's state, and the confirmation of
// receipt owed to the exporting authority within 15 calendar days of entry: its due date, an
// "Overdue" mark, the report as a PDF (saved through KP Desk's dialog) and as e-mail text, and
// the day it was sent, recorded once by an operator or administrator.
import { useCallback, useEffect, useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { IncomingDetail } from '../../../shared/incoming/incoming-views';
import type { SignedInUser } from '../navigation';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { censusCopyText, receiptDutyText } from './receipt-duty-words';

type Scan = { fileName: string; mediaType: string; base64: string };

function ScanView({ api, record }: { api: KpApi; record: IncomingDetail }) {
  const [scan, setScan] = useState<Scan | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const first = record.scans[0];
  if (first === undefined) return <p>No scan was attached when it was registered.</p>;
  const show = async () => {
    const answer = await callApi(() =>
      api.incoming.scan({ number: record.number, scanId: first.id }),
    );
    if (answer.ok) setScan(answer.value);
    else setError(answer.error);
  };
  return (
    <div className="incoming-scan">
      <p>
        {first.fileName} ({first.mediaType}, {(first.size / 1024).toFixed(0)} KB), kept encrypted in
        the vault.
      </p>
      {scan === null ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            void show();
          }}
        >
          Show the scan
        </button>
      ) : scan.mediaType === 'application/pdf' ? (
        <p>This scan is a PDF; it is sent to Census with the copy and kept in the vault.</p>
      ) : (
        <img
          className="incoming-scan__image"
          src={`data:${scan.mediaType};base64,${scan.base64}`}
          alt={`Scan of certificate ${record.number}`}
        />
      )}
      <FormAlert error={error} />
    </div>
  );
}

export function IncomingPage({
  api,
  user,
  number,
  onBack,
}: {
  api: KpApi;
  user: SignedInUser;
  number: string;
  onBack: () => void;
}) {
  const headingId = useId();
  const [record, setRecord] = useState<IncomingDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [sentOn, setSentOn] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => {
    setVersion((n) => n + 1);
  }, []);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const answer = await callApi(() => api.incoming.get({ number }));
      if (!current) return;
      if (answer.ok) setRecord(answer.value);
      else setError(answer.error);
    };
    void load();
    return () => {
      current = false;
    };
  }, [api, number, version]);

  if (record === null)
    return (
      <section aria-labelledby={headingId}>
        <h1 id={headingId}>Incoming certificate {number}</h1>
        <FormAlert error={error} />
        {error === null ? <p role="status">Reading…</p> : null}
      </section>
    );

  const saveReport = async () => {
    setError(null);
    const answer = await callApi(() => api.incoming.saveReceiptReport({ number: record.number }));
    if (!answer.ok) setError(answer.error);
    else if (!answer.value.cancelled) setNotice(`Saved the report to ${answer.value.path}.`);
  };
  const confirmSent = async () => {
    setError(null);
    const answer = await callApi(() =>
      api.incoming.confirmReceiptSent({ number: record.number, sentOn }),
    );
    if (!answer.ok) setError(answer.error);
    else {
      setNotice(`Recorded as sent on ${answer.value.receiptSentOn ?? ''}.`);
      reload();
    }
  };
  const facts: [string, string][] = [
    ['Exporting Participant', record.exportingParticipant],
    ['Issuing authority', record.issuingAuthority],
    ['Date of issue', record.dateOfIssue],
    ['Date of expiry', record.dateOfExpiry],
    ['Importer', `${record.importer.name}, ${record.importer.address}`],
    ['Exporter', `${record.exporter.name}, ${record.exporter.address}`],
    ['Parcels', String(record.parcels)],
    ['Carats', record.carats],
    ['Value (US$)', record.valueUsd],
    ['HS code(s)', record.hsCodes.join(', ')],
    ['Origin(s)', record.origins.join(', ')],
    ['Port of entry', record.portOfEntry],
    ['Date of entry', record.dateOfEntry],
  ];
  const writer = user.role !== 'reviewer';
  return (
    <section className="incoming-page" aria-labelledby={headingId}>
      <div className="records__head">
        <h1 id={headingId}>Incoming certificate {record.number}</h1>
        <button type="button" className="button" onClick={onBack}>
          Back to Records
        </button>
      </div>
      <FormAlert error={error} success={notice} />
      <dl className="incoming-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>Scan</h2>
      <ScanView api={api} record={record} />
      <h2>Copy for Census</h2>
      <p data-testid="census-copy">
        {censusCopyText(record)}
        {record.censusCopy?.deliveredAt ? ` on ${record.censusCopy.deliveredAt.slice(0, 10)}` : ''}.
        Due immediately after entry (31 CFR 592.301(a)(1)(iii)); see Submissions.
      </p>
      <h2>Confirmation of receipt for the exporting authority</h2>
      <p
        className={record.receiptDuty === 'overdue' ? 'incoming-duty--overdue' : undefined}
        data-testid="receipt-duty"
      >
        {receiptDutyText(record)} (15 calendar days after entry; KPCS Section IV(c)).
      </p>
      <div className="form-actions form-actions--start">
        <button
          type="button"
          className="button"
          onClick={() => {
            void saveReport();
          }}
        >
          Save the report (PDF)
        </button>
      </div>
      <label className="form-field__label" htmlFor={`${headingId}-mail`}>
        As e-mail text: {record.confirmation.subject}
      </label>
      <textarea
        id={`${headingId}-mail`}
        className="control control--multiline incoming-mail"
        readOnly
        rows={14}
        value={record.confirmation.body}
      />
      {writer && record.receiptSentOn === null ? (
        <form
          className="incoming-sent"
          onSubmit={(event) => {
            event.preventDefault();
            void confirmSent();
          }}
        >
          <TextField
            label="Sent on"
            hint="YYYY-MM-DD: the day you sent the confirmation. KP Desk records it; it cannot prove it arrived."
            value={sentOn}
            error={error?.fields?.sentOn}
            onChange={(event) => {
              setSentOn(event.target.value);
            }}
          />
          <button type="submit" className="button button--primary">
            Record as sent
          </button>
        </form>
      ) : null}
    </section>
  );
}
