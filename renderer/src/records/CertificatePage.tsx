// One certificate: its state, every field, what can be done next, its documents and (later) its
// submissions. Opened from the records list; "Back to records" returns to the same filters.
import { useEffect, useId, useRef, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { ScreenProps } from '../navigation';
import { canWriteRecords } from '../shell/permissions';
import { CertificateActions } from './CertificateActions';
import { CertificateDetails } from './CertificateDetails';
import { CorrectionsPanel } from './CorrectionsPanel';
import { CertificateSubmissionsPanel } from '../submissions/CertificateSubmissionsPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { StateBadge } from './StateBadge';
import { ImportedNote } from './ImportedNote';
import { TimelinePanel } from './TimelinePanel';
import { useCertificateRecord } from './use-certificate-record';
import { useUserNames } from './use-user-names';
import './records.css';

export function CertificatePage(props: ScreenProps & { api: KpApi; id: number }) {
  const { api, id, navigate, user } = props;
  const headingId = useId();
  const { state, replace, reload } = useCertificateRecord(api, id);
  const names = useUserNames(api);
  const [notice, setNotice] = useState<{ id: number; text: string } | null>(null);
  // Every action (a correction request too, which leaves the record as it is) adds to the history.
  const [actions, setActions] = useState(0);
  // After an action the form that was used may be gone (a voided certificate has none): focus
  // moves to the message that says what happened, so keyboard users are not left nowhere.
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice !== null) noticeRef.current?.focus();
  }, [notice]);

  const back = (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        navigate({ screen: 'records' });
      }}
    >
      ← Back to records
    </button>
  );

  if (state.status === 'loading')
    return (
      <section className="certificate-page" aria-busy="true" aria-labelledby={headingId}>
        {back}
        <h1 id={headingId}>Certificate</h1>
        <p role="status">Loading the certificate…</p>
      </section>
    );
  if (state.status === 'failed')
    return (
      <section className="certificate-page" aria-labelledby={headingId}>
        {back}
        <h1 id={headingId}>Certificate</h1>
        <div className="notice notice--error" role="alert" data-error-code={state.error.code}>
          <p>{state.error.message}</p>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </div>
      </section>
    );

  const { record } = state;
  return (
    <section className="certificate-page" aria-labelledby={headingId}>
      {back}
      <div className="certificate-page__head">
        <div className="certificate-page__title">
          <h1 id={headingId}>Certificate {record.number}</h1>
          <StateBadge state={record.state} />
        </div>
      </div>
      {record.imported == null ? null : <ImportedNote mark={record.imported} />}
      <div role="status" aria-live="polite">
        {notice !== null && notice.id === record.id ? (
          <p ref={noticeRef} className="notice notice--ok" tabIndex={-1}>
            {notice.text}
          </p>
        ) : null}
      </div>
      <div className="certificate-page__grid">
        <div className="certificate-page__column">
          <CertificateDetails record={record} names={names} />
          {/* The history sits under the facts it changed; the right column is what to do next. */}
          <TimelinePanel
            key={`timeline-${String(record.version)}-${String(actions)}`}
            api={api}
            id={record.id}
          />
        </div>
        <div className="certificate-page__column">
          <CertificateActions
            api={api}
            record={record}
            role={user.role}
            navigate={navigate}
            onDone={(next, text) => {
              replace(next);
              setNotice({ id: next.id, text });
              setActions((n) => n + 1);
            }}
          />
          <CorrectionsPanel
            // Reloaded after every action (a request or a decision), not when the record is re-read.
            key={`corrections-${String(actions)}`}
            api={api}
            record={record}
            role={user.role}
            userId={user.userId}
            names={names}
            onDecided={(text) => {
              // An approval changes the stored certificate: read it again (the page stays shown).
              reload();
              setNotice({ id: record.id, text });
              setActions((n) => n + 1);
            }}
          />
          <DocumentsPanel api={api} record={record} canWrite={canWriteRecords(user.role)} />
          <CertificateSubmissionsPanel
            key={`submissions-${String(record.version)}-${String(actions)}`}
            api={api}
            certificateId={record.id}
            canAct={canWriteRecords(user.role)}
          />
        </div>
      </div>
    </section>
  );
}
