// The corrections inbox (issue 14): every correction request waiting for a decision, across all
// certificates, the longest-waiting first. Each names its certificate and leads to its page,
// where the decision is taken (DecideCorrection, with the field-by-field changes). What the
// signed-in user may do is said on each row: an administrator decides others' requests, never
// their own (four eyes); operators and reviewers see the requests but decide none.
import type { KpApi } from '../../../shared/ipc/api';
import type { Route, SignedInUser } from '../navigation';
import { ActionFailure } from '../records/ActionFeedback';
import { formatTimestamp } from '../records/record-format';
import { userName, useUserNames } from '../records/use-user-names';
import { canDecideEditRequests, mayDecideEditRequest } from '../shell/permissions';
import type { PendingCorrection } from './pending-corrections';
import { PENDING_LIST_LIMIT } from './pending-corrections';
import { usePendingCorrections } from './use-pending-corrections';

type Props = {
  api: KpApi;
  user: SignedInUser;
  navigate: (to: Route) => void;
};

function whoDecides(user: SignedInUser, request: PendingCorrection): string {
  if (mayDecideEditRequest({ userId: user.userId, role: user.role }, request))
    return 'You may approve or reject it on the certificate’s page.';
  if (canDecideEditRequests(user.role))
    return 'You asked for it: another administrator decides (four eyes).';
  return 'An administrator other than the one who asked decides it; your role cannot.';
}

export function CorrectionsScreen({ api, user, navigate }: Props) {
  const pending = usePendingCorrections(api, null);
  const names = useUserNames(api);
  const requests =
    pending.status === 'loaded'
      ? [...pending.requests].sort(
          (a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id - b.id,
        )
      : [];
  return (
    <div className="screen-page">
      <div className="screen-page__head">
        <h1>Corrections waiting for a decision</h1>
        <p className="screen-page__intro">
          An issued certificate is never edited silently: a correction is asked for with a reason
          and applied only when an administrator other than the one who asked approves it.
        </p>
      </div>
      <section className="panel" aria-labelledby="corrections-inbox-title">
        <h2 id="corrections-inbox-title">Pending requests</h2>
        {pending.status === 'loading' ? <p role="status">Loading the requests…</p> : null}
        {pending.status === 'failed' ? <ActionFailure error={pending.error} /> : null}
        {pending.status === 'loaded' && requests.length === 0 ? (
          <p>No correction is waiting for a decision.</p>
        ) : null}
        {requests.length >= PENDING_LIST_LIMIT ? (
          <p className="notice">
            The first {PENDING_LIST_LIMIT} requests are shown; decide some to see the rest.
          </p>
        ) : null}
        {requests.length > 0 ? (
          <table className="table" data-testid="corrections-inbox">
            <caption className="visually-hidden">
              Correction requests waiting for a decision, the longest-waiting first
            </caption>
            <thead>
              <tr>
                <th scope="col">Certificate</th>
                <th scope="col">Requested</th>
                <th scope="col">By</th>
                <th scope="col">Reason</th>
                <th scope="col">Who decides</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        navigate({ screen: 'certificate', id: request.certificateId });
                      }}
                    >
                      {request.proposed.number}
                    </button>
                  </th>
                  <td>{formatTimestamp(request.requestedAt)}</td>
                  <td>{userName(names, request.requestedBy)}</td>
                  <td>{request.reason}</td>
                  <td>{whoDecides(user, request)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
