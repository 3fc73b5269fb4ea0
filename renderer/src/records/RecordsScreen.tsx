// Records: every certificate in the vault, newest first, narrowed by filters and opened with Enter
// or a click. The list pages from the vault as it scrolls (use-certificate-pages.ts) and renders
// only the rows in view (RecordList.tsx), so it stays fast at 100,000 records.
import { useId, useMemo, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import { useLocale } from '../format/locale-context';
import { formatCount } from '../format/number-format';
import type { ScreenProps } from '../navigation';
import { RecordFilters } from './RecordFilters';
import { RecordList } from './RecordList';
import type { RecordFilters as Filters } from './record-filters';
import { hasFilters, noFilters, readFilters } from './record-filters';
import { useOverdueCertificates } from '../submissions/use-overdue-certificates';
import { useCertificatePages } from './use-certificate-pages';
import { IncomingList } from '../incoming/IncomingList';
import '../incoming/incoming.css';
import './records.css';

function countText(count: number, complete: boolean, locale: string): string {
  const noun = count === 1 ? 'certificate' : 'certificates';
  return complete
    ? `${formatCount(count, locale)} ${noun}`
    : `${formatCount(count, locale)} ${noun} loaded; more load as you scroll`;
}

export function RecordsScreen(props: ScreenProps & { api: KpApi; view?: 'incoming' }) {
  if (props.view === 'incoming') return <IncomingRecords {...props} />;
  return <ExportRecords {...props} />;
}

/** Which records: the licensee's own certificates (exports), or those received on imports. */
function RecordsViewSwitch({
  view,
  navigate,
}: {
  view: 'exports' | 'incoming';
  navigate: ScreenProps['navigate'];
}) {
  return (
    <div className="records-view" role="group" aria-label="Which records">
      <button
        type="button"
        className={`button button--small${view === 'exports' ? ' button--primary' : ''}`}
        aria-pressed={view === 'exports'}
        onClick={() => {
          navigate({ screen: 'records' });
        }}
      >
        Certificates issued (exports)
      </button>
      <button
        type="button"
        className={`button button--small${view === 'incoming' ? ' button--primary' : ''}`}
        aria-pressed={view === 'incoming'}
        onClick={() => {
          navigate({ screen: 'records', view: 'incoming' });
        }}
      >
        Incoming (imports)
      </button>
    </div>
  );
}

function IncomingRecords(props: ScreenProps & { api: KpApi }) {
  const { api, navigate, user } = props;
  const headingId = useId();
  return (
    <section className="records" aria-labelledby={headingId}>
      <div className="records__head">
        <h1 id={headingId}>Records</h1>
        {user.role === 'reviewer' ? (
          <p className="records__note">You are signed in as a reviewer: records are read-only.</p>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              navigate({ screen: 'incoming-register' });
            }}
          >
            Register an incoming certificate
          </button>
        )}
      </div>
      <RecordsViewSwitch view="incoming" navigate={navigate} />
      <IncomingList
        api={api}
        onOpen={(number) => {
          navigate({ screen: 'incoming', number });
        }}
      />
    </section>
  );
}

function ExportRecords(props: ScreenProps & { api: KpApi }) {
  const { api, navigate, user } = props;
  const headingId = useId();
  const locale = useLocale();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const reading = useMemo(() => readFilters(filters), [filters]);
  // The query object is rebuilt only when the filters it says change.
  const readKey = reading.ok ? reading.key : null;
  const listFilters = useMemo(
    () => (reading.ok ? reading.filters : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by what the filters say
    [readKey],
  );
  const pages = useCertificatePages(api, listFilters, readKey);
  const overdue = useOverdueCertificates(api);
  const errors = reading.ok ? {} : reading.errors;
  const upToDate = !pages.loading;

  let status: string;
  if (!reading.ok) status = `Fix the filter: ${Object.values(errors).join(' ')}`;
  else if (pages.loading) status = 'Searching the records…';
  else if (pages.error !== null) status = '';
  else if (pages.items.length === 0)
    status = !hasFilters(filters)
      ? 'No certificates yet.'
      : 'No certificate matches these filters.';
  else status = countText(pages.items.length, pages.complete, locale);

  return (
    <section className="records" aria-labelledby={headingId}>
      <div className="records__head">
        <h1 id={headingId}>Records</h1>
        {user.role === 'reviewer' ? (
          <p className="records__note">You are signed in as a reviewer: records are read-only.</p>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              navigate({ screen: 'wizard' });
            }}
          >
            New certificate
          </button>
        )}
      </div>
      <RecordsViewSwitch view="exports" navigate={navigate} />
      <RecordFilters value={filters} errors={errors} onChange={setFilters} />
      {overdue.size > 0 ? (
        <p className="notice notice--warning" data-testid="overdue-summary">
          {overdue.size === 1
            ? '1 certificate has a Census copy overdue'
            : `${String(overdue.size)} certificates have a Census copy overdue`}{' '}
          (not delivered 24 hours after export or voiding; 31 CFR 592.301(a)(1)(iv)-(v), 15 CFR
          30.7(c)). They are marked “Overdue” below; see Submissions.
        </p>
      ) : null}
      <p className="records__count" role="status" aria-live="polite" data-testid="records-count">
        {status}
        {pages.loadingMore ? ' Loading more…' : ''}
      </p>
      {pages.error === null ? null : (
        <div className="records__error" role="alert" data-error-code={pages.error.code}>
          <p>{pages.error.message}</p>
          <button type="button" className="button" onClick={pages.retry}>
            Try again
          </button>
        </div>
      )}
      <RecordList
        items={pages.items}
        resultKey={pages.itemsKey}
        total={pages.complete && upToDate ? pages.items.length : null}
        busy={pages.loading || pages.loadingMore}
        label="Certificates"
        overdue={overdue}
        onOpen={(id) => {
          navigate({ screen: 'certificate', id });
        }}
        onNearEnd={pages.loadMore}
      />
    </section>
  );
}
