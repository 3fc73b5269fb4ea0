// The Audit log (issue 14): every event of the vault's hash-chained log, newest first, a page at a
// time (audit:list pages in the core by keyset, so a log of millions costs the same per page),
// filtered by user, action, certificate and days, and exported as CSV (audit:export: main's save
// dialog, every event the filters select). Reviewers and administrators; the core refuses others.
import { useCallback, useEffect, useState } from 'react';
import type {
  AuditLogCursor,
  AuditLogFilter,
  AuditLogPage,
} from '../../../shared/audit-log/audit-log-query';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { Route, SignedInUser } from '../navigation';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { FormAlert } from '../shell/form/FormAlert';
import { canReadAuditLog } from '../shell/permissions';
import { AuditLogFilters, filterOf } from './AuditLogFilters';
import { AuditLogTable } from './AuditLogTable';
import './audit-log.css';

export const AUDIT_LOG_PAGE_SIZE = 50;

type Props = {
  api: Pick<KpApi, 'audit' | 'users'>;
  user: SignedInUser;
  navigate: (to: Route) => void;
};

type Shown = { filter: AuditLogFilter; cursors: (AuditLogCursor | null)[]; page: AuditLogPage };

export function AuditLogScreen({ api, user, navigate }: Props) {
  const [users, setUsers] = useState<{ id: number; displayName: string }[]>([]);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Loads the page that starts after `cursors.at(-1)` (the newest page when it is null). */
  const load = useCallback(
    async (filter: AuditLogFilter, cursors: (AuditLogCursor | null)[]) => {
      setBusy(true);
      setError(null);
      const answer = await callApi(() =>
        api.audit.list({ filter, after: cursors.at(-1) ?? null, limit: AUDIT_LOG_PAGE_SIZE }),
      );
      setBusy(false);
      if (answer.ok) setShown({ filter, cursors, page: answer.value });
      else setError(answer.error);
    },
    [api],
  );

  // The newest page and the user names, once; later pages come from the buttons (load).
  useEffect(() => {
    if (!canReadAuditLog(user.role)) return;
    let current = true;
    void callApi(() => api.users.list({})).then((answer) => {
      if (current && answer.ok) setUsers(answer.value);
    });
    void callApi(() =>
      api.audit.list({ filter: {}, after: null, limit: AUDIT_LOG_PAGE_SIZE }),
    ).then((answer) => {
      if (!current) return;
      if (answer.ok) setShown({ filter: {}, cursors: [null], page: answer.value });
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, user.role]);

  async function exportCsv() {
    setBusy(true);
    setError(null);
    setExported(null);
    const answer = await callApi(() => api.audit.export({ filter: shown?.filter ?? {} }));
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else if (answer.value.cancelled) setExported('The export was cancelled; no file was written.');
    else
      setExported(
        `${String(answer.value.events)} events written to ${answer.value.path} (CSV; cells that a spreadsheet would read as a formula start with an apostrophe).`,
      );
  }

  if (!canReadAuditLog(user.role))
    return (
      <div className="screen-page">
        <h1>Audit log</h1>
        <p className="notice">
          Only reviewers and administrators read the whole audit log. Each certificate’s own history
          is on its page under Records.
        </p>
      </div>
    );

  const pageNumber = shown === null ? 0 : shown.cursors.length;
  const events = shown?.page.events ?? [];
  return (
    <div className="screen-page">
      <div className="screen-page__head">
        <h1>Audit log</h1>
        <p className="screen-page__intro">
          Every change to the vault, in the order it was recorded in the hash-chained log, newest
          first. Nothing here can be changed; “Check the record” under Settings proves the chain is
          intact.
        </p>
      </div>
      <section className="panel" aria-labelledby="audit-log-filter-title">
        <h2 id="audit-log-filter-title">Which events</h2>
        <AuditLogFilters
          users={users}
          error={error}
          busy={busy}
          onApply={(text) => {
            setExported(null);
            void load(filterOf(text), [null]);
          }}
        />
      </section>
      <section className="panel" aria-labelledby="audit-log-events-title">
        <h2 id="audit-log-events-title">Events</h2>
        <FormAlert error={error} success={exported} />
        {busy ? <BusyNote label="Reading the audit log" /> : null}
        {shown !== null && events.length === 0 ? <p>No event matches these filters.</p> : null}
        {events.length > 0 ? (
          <AuditLogTable
            events={events}
            navigate={navigate}
            caption={`Page ${String(pageNumber)}: events ${String(events[0]?.seq ?? '')} to ${String(events.at(-1)?.seq ?? '')} by number, newest first`}
          />
        ) : null}
        <div className="form-actions">
          <button
            type="button"
            className="button"
            disabled={busy || shown === null || shown.cursors.length <= 1}
            onClick={() => {
              if (shown !== null) void load(shown.filter, shown.cursors.slice(0, -1));
            }}
          >
            Newer events
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || (shown?.page.next ?? null) === null}
            onClick={() => {
              const next = shown?.page.next ?? null;
              if (shown !== null && next !== null)
                void load(shown.filter, [...shown.cursors, next]);
            }}
          >
            Older events
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || shown === null}
            onClick={() => void exportCsv()}
          >
            Export these events as CSV…
          </button>
        </div>
      </section>
    </div>
  );
}
