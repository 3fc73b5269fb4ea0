// The certificate's history from the vault's hash-chained audit log (certificates:timeline): each
// event with its time (UTC) and who acted. Reloaded whenever the record changes (keyed by the
// caller on the record's version).
import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { TimelineEventSchema } from '../../../shared/records/record-outputs';
import { callApi } from '../shell/call-api';
import { ActionFailure } from './ActionFeedback';
import { useFormat } from '../format/use-format';

type TimelineEvent = z.output<typeof TimelineEventSchema>;

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
  'edit-request.create': 'Correction requested',
  'edit-request.approve': 'Correction approved',
  'edit-request.reject': 'Correction rejected',
};

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError }
  | { status: 'loaded'; events: TimelineEvent[] };

export function TimelinePanel({ api, id }: { api: KpApi; id: number }) {
  const titleId = useId();
  const format = useFormat();
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
          {loaded.events.map((event) => (
            <li key={event.seq}>
              <span className="timeline__when">{format.timestamp(event.at)}</span>
              {actionWords[event.action] ?? event.action}
              {' · '}
              {event.userDisplayName ?? 'KP Desk'}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
