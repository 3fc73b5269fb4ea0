// The certificate's history from the vault's hash-chained audit log (certificates:timeline): each
// event with its time (this computer's time zone, named) and who acted. Reloaded whenever the record changes (keyed by the
// caller on the record's version). A run of autosaves shows as one entry that expands
// (timeline-groups.ts).
import { useEffect, useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import { ActionFailure } from './ActionFeedback';
import { useFormat } from '../format/use-format';
import type { TimelineEvent } from './timeline-groups';
import { groupTimeline } from './timeline-groups';

const actionWords: Record<string, string> = {
  'stock.register': 'Form registered in stock',
  'stock.take': 'Form taken from stock',
  'stock.void': 'Form voided in stock',
  'stock.void-blank': 'Blank form voided',
  'certificate.create': 'Draft created',
  'certificate.update-draft': 'Draft saved',
  'certificate.record-itn': 'ITN recorded',
  'certificate.issue': 'Issued (warranty attested)',
  'certificate.ship': 'Marked shipped',
  'certificate.deliver': 'Marked delivered',
  'certificate.void': 'Voided',
  'certificate.expire': 'Expired',
  'certificate.apply-edit': 'Correction applied',
  'document.sign': 'PDF signed',
  'document.sign-void': 'VOID copy signed',
  'document.supersede': 'Signed PDF superseded by the correction',
  'document.save-superseded': 'Superseded PDF saved',
  'edit-request.create': 'Correction requested',
  'edit-request.approve': 'Correction approved',
  'edit-request.reject': 'Correction rejected',
  // Issue 13 part 6: the form's registration is its range's one event.
  'stock.register-range': 'Form registered in stock',
};

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError }
  | { status: 'loaded'; events: TimelineEvent[] };

export function TimelinePanel({ api, id }: { api: KpApi; id: number }) {
  const titleId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    void callApi(() => api.certificates.timeline({ id })).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { status: 'loaded', events: result.value }
          : { status: 'failed', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [api, id]);

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Timeline</h2>
      {loaded.status === 'loading' ? <p role="status">Loading the history…</p> : null}
      {loaded.status === 'failed' ? <ActionFailure error={loaded.error} /> : null}
      {loaded.status === 'loaded' ? (
        <ol className="timeline">
          {groupTimeline(loaded.events).map((entry) =>
            entry.kind === 'event' ? (
              <li key={entry.event.seq}>
                <EventLine event={entry.event} />
              </li>
            ) : (
              <DraftSaves key={entry.events[0].seq} events={entry.events} />
            ),
          )}
        </ol>
      ) : null}
    </section>
  );
}

function EventLine({ event }: { event: TimelineEvent }) {
  const format = useFormat();
  return (
    <>
      <span className="timeline__when">{format.timestamp(event.at)}</span>
      {actionWords[event.action] ?? event.action}
      {' · '}
      {event.userDisplayName ?? 'KP Desk'}
    </>
  );
}

/** "Draft saved 9 times, last at …", with a button that lists each save. */
function DraftSaves({ events }: { events: readonly TimelineEvent[] }) {
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const last = events[events.length - 1];
  if (last === undefined) return null;
  return (
    <li>
      <span className="timeline__when">{format.timestamp(last.at)}</span>
      Draft saved {events.length} times, last at {format.timestamp(last.at)}
      {' · '}
      {last.userDisplayName ?? 'KP Desk'}{' '}
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => {
          setOpen(!open);
        }}
      >
        {open ? 'Hide the saves' : `Show all ${String(events.length)} saves`}
      </button>
      <ol id={listId} className="timeline timeline--nested" hidden={!open}>
        {events.map((event) => (
          <li key={event.seq}>
            <EventLine event={event} />
          </li>
        ))}
      </ol>
    </li>
  );
}
