// One page of audit events: sequence number, the licensee-local time, who acted, what happened,
// the certificate it belongs to (a button to its page) and the details in plain words.
import type { AuditLogEvent } from '../../../shared/audit-log/audit-log-query';
import { auditActionText } from '../../../shared/audit-log/audit-action-words';
import type { Route } from '../navigation';
import { formatLocalTime } from './local-time';

type Props = { events: readonly AuditLogEvent[]; navigate: (to: Route) => void; caption: string };

export function AuditLogTable({ events, navigate, caption }: Props) {
  return (
    <table className="table audit-log__table" data-testid="audit-log-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">No.</th>
          <th scope="col">Time (your local time)</th>
          <th scope="col">User</th>
          <th scope="col">Action</th>
          <th scope="col">Certificate</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.seq}>
            <th scope="row">{event.seq}</th>
            <td>
              <time dateTime={event.at}>{formatLocalTime(event.at)}</time>
            </td>
            <td>{event.userName ?? 'KP Desk'}</td>
            <td>{auditActionText(event.action)}</td>
            <td>
              {event.certificateId === null || event.certificateNumber === null ? (
                '—'
              ) : (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    if (event.certificateId !== null)
                      navigate({ screen: 'certificate', id: event.certificateId });
                  }}
                >
                  {event.certificateNumber}
                </button>
              )}
            </td>
            <td>{event.details}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
