// The corrections of one certificate (editRequests:list): each request with its reason, who asked
// and when, and, while it waits, what it would change field by field (stored value → proposed
// value). An administrator other than the one who asked decides a pending one (DecideCorrection,
// four eyes); everyone else sees the requests read-only. An issued certificate is never edited silently (issue 3, domain.md).
import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { EditRequestSchema } from '../../../shared/records/record-outputs';
import type { UserRole } from '../../../shared/records/user-inputs';
import { fieldLabels } from '../certificate/field-labels';
import { callApi } from '../shell/call-api';
import { mayDecideEditRequest } from '../shell/permissions';
import { ActionFailure } from './ActionFeedback';
import { DecideCorrection } from './DecideCorrection';
import { draftChanges } from './draft-changes';
import { useFormat } from '../format/use-format';
import type { CertificateRecord } from './use-certificate-record';
import { userName } from './use-user-names';
import type { UserNames } from './use-user-names';
import './corrections.css';

export type EditRequest = z.output<typeof EditRequestSchema>;

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError }
  | { status: 'loaded'; requests: EditRequest[] };

const statusLabels: Record<EditRequest['status'], string> = {
  pending: 'Waiting for a decision',
  approved: 'Approved and applied',
  rejected: 'Rejected',
};

type CorrectionsPanelProps = {
  api: KpApi;
  record: CertificateRecord;
  role: UserRole;
  /** The signed-in user: nobody decides a correction they asked for themselves. */
  userId: number;
  /** Who asked and who decided, by user id (use-user-names.ts). */
  names: UserNames;
  /** After a decision: the page reloads the certificate and its timeline and shows the message. */
  onDecided: (message: string) => void;
};

export function CorrectionsPanel(props: CorrectionsPanelProps) {
  const { api, record, role, userId, names, onDecided } = props;
  const titleId = useId();
  const format = useFormat();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    void callApi(() => api.editRequests.list({ certificateId: record.id })).then((requests) => {
      if (!current) return;
      setLoaded(
        requests.ok
          ? { status: 'loaded', requests: requests.value }
          : { status: 'failed', error: requests.error },
      );
    });
    return () => {
      current = false;
    };
  }, [api, record.id]);

  return (
    <section className="panel corrections" aria-labelledby={titleId}>
      <h2 id={titleId}>Corrections</h2>
      {loaded.status === 'loading' ? <p role="status">Loading the corrections…</p> : null}
      {loaded.status === 'failed' ? <ActionFailure error={loaded.error} /> : null}
      {loaded.status === 'loaded' && loaded.requests.length === 0 ? (
        <p>No correction has been requested for this certificate.</p>
      ) : null}
      {loaded.status === 'loaded' && loaded.requests.length > 0 ? (
        <ol className="corrections__list">
          {loaded.requests.map((request) => {
            const changes =
              request.status === 'pending' ? draftChanges(record.draft, request.proposed) : [];
            const headingId = `${titleId}-${String(request.id)}`;
            return (
              <li key={request.id}>
                <article className="correction" aria-labelledby={headingId}>
                  <h3 id={headingId}>
                    Correction requested {format.timestamp(request.requestedAt)}:{' '}
                    {statusLabels[request.status]}
                  </h3>
                  <dl className="correction__facts">
                    <dt>Requested by</dt>
                    <dd>{userName(names, request.requestedBy)}</dd>
                    <dt>Reason</dt>
                    <dd>{request.reason}</dd>
                    {request.decidedBy === null ? null : (
                      <>
                        <dt>Decided by</dt>
                        <dd>
                          {userName(names, request.decidedBy)}
                          {request.decidedAt === null ? null : (
                            <>
                              ,{' '}
                              <span className="correction__when">
                                {format.timestamp(request.decidedAt)}
                              </span>
                            </>
                          )}
                        </dd>
                        <dt>Decision note</dt>
                        <dd>{(request.decisionNote ?? '') === '' ? '—' : request.decisionNote}</dd>
                      </>
                    )}
                  </dl>
                  {request.status === 'pending' ? (
                    <>
                      {changes.length === 0 ? (
                        <p>The proposal matches the certificate as stored: nothing would change.</p>
                      ) : (
                        <table className="correction__changes">
                          <caption>What approval would change</caption>
                          <thead>
                            <tr>
                              <th scope="col">Field</th>
                              <th scope="col">Now</th>
                              <th scope="col">Proposed</th>
                            </tr>
                          </thead>
                          <tbody>
                            {changes.map((change) => (
                              <tr key={change.field}>
                                <th scope="row">{fieldLabels[change.field]}</th>
                                <td>{change.current === '' ? '—' : change.current}</td>
                                <td>{change.proposed === '' ? '—' : change.proposed}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      )}
                      {mayDecideEditRequest({ userId, role }, request) ? (
                        <DecideCorrection
                          api={api}
                          number={record.number}
                          requestId={request.id}
                          changedLabels={changes.map((change) => fieldLabels[change.field])}
                          onDecided={onDecided}
                        />
                      ) : (
                        <p className="field__hint">
                          {request.requestedBy === userId && role === 'administrator'
                            ? 'You asked for this correction: another administrator decides it (four eyes); until then the certificate stays as issued.'
                            : 'An administrator decides this correction; until then the certificate stays as issued.'}
                        </p>
                      )}
                    </>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
