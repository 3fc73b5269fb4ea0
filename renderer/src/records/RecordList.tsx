// The certificates as a virtualised listbox: only the rows in view exist in the page, so 100,000
// records scroll as smoothly as 50. Keyboard: the list is one tab stop; arrows, Page Up/Down, Home
// and End move the active row (aria-activedescendant, so focus survives rows being recycled) and
// Enter opens it. Rows near the end ask for the next page from the vault.
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CertificateSummary } from './record-format';
import type { OverdueDuty } from '../../../shared/records/submission-views';
import { useFormat } from '../format/use-format';
import { formatCountry, orDash } from './record-format';
import { StateBadge } from './StateBadge';
import { ImportedMark } from './ImportedNote';

const ROW_HEIGHT = 44;
/** Ask for the next page when the view is this many rows from the end of what is loaded. */
const PREFETCH_ROWS = 25;

type RecordListProps = {
  items: readonly CertificateSummary[];
  /** Which filters the items answer: when it changes, the list goes back to its first row. */
  resultKey: string;
  /** Total, when every matching row is loaded; null while more may follow. */
  total: number | null;
  busy: boolean;
  label: string;
  onOpen: (id: number) => void;
  onNearEnd: () => void;
  /** Certificates whose Census copy is overdue (issue 12): marked in words beside the number. */
  overdue?: ReadonlyMap<number, OverdueDuty>;
};

export const optionId = (id: number): string => `record-${String(id)}`;

/** Words only a screen reader hears, so a row reads as a sentence: "US10002, Issued, to …". */
function Said({ text }: { text: string }) {
  return <span className="visually-hidden">{text}</span>;
}

export function RecordList(props: RecordListProps) {
  const { items, resultKey, total, busy, label, onOpen, onNearEnd } = props;
  const format = useFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // New filters replace the rows in place (the listbox and its virtualizer stay mounted, which is
  // cheaper than remounting them); only the active row and the scroll go back to the top.
  const [shownKey, setShownKey] = useState(resultKey);
  if (shownKey !== resultKey) {
    setShownKey(resultKey);
    setActive(0);
  }
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  // The active row is always rendered, so aria-activedescendant never points at nothing.
  const rangeExtractor = useCallback(
    (range: Parameters<typeof defaultRangeExtractor>[0]) => {
      const indexes = defaultRangeExtractor(range);
      if (items.length > 0 && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeIndex, items.length],
  );

  // TanStack Virtual keeps mutable state the React Compiler cannot track; this component is not
  // compiled with it, and memoisation here is by hand.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    rangeExtractor,
  });
  const rows = virtualizer.getVirtualItems();

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [resultKey, virtualizer]);
  const lastRendered = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (items.length > 0 && lastRendered >= items.length - PREFETCH_ROWS) onNearEnd();
  }, [lastRendered, items.length, onNearEnd]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT));
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: items.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      const row = items[activeIndex];
      if (row === undefined) return;
      event.preventDefault();
      onOpen(row.id);
    }
  };

  const activeRow = items[activeIndex];
  return (
    <div className="record-list">
      <div className="record-list__head" aria-hidden="true">
        <span>Number</span>
        <span>State</span>
        <span>Destination</span>
        <span>Exporter</span>
        <span>Ultimate consignee</span>
        <span>HS code</span>
        <span className="record-list__num">Carats</span>
        <span className="record-list__num">Value</span>
        <span>Issued</span>
      </div>
      <div
        ref={scrollRef}
        className="record-list__scroll"
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-busy={busy}
        aria-activedescendant={activeRow === undefined ? undefined : optionId(activeRow.id)}
        onKeyDown={onKeyDown}
      >
        <div className="record-list__sizer" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((virtualRow) => {
            const row = items[virtualRow.index];
            if (row === undefined) return null;
            const isActive = virtualRow.index === activeIndex;
            return (
              <div
                key={row.id}
                id={optionId(row.id)}
                role="option"
                aria-selected={isActive}
                aria-posinset={virtualRow.index + 1}
                aria-setsize={total ?? -1}
                className={`record-row${isActive ? ' record-row--active' : ''}`}
                style={{ transform: `translateY(${String(virtualRow.start)}px)` }}
                onClick={() => {
                  setActive(virtualRow.index);
                  onOpen(row.id);
                }}
              >
                <span className="record-row__number">
                  {row.number}

                  <Said text=", " />
                </span>
                <span className="record-row__state">
                  <StateBadge state={row.state} />
                  {row.imported === true ? <ImportedMark /> : null}
                  {props.overdue?.has(row.id) === true ? (
                    <span className="overdue-mark">
                      <span className="visually-hidden">Census copy </span>Overdue
                    </span>
                  ) : null}
                  <Said text=", to " />
                </span>
                <span className="record-row__text">
                  {formatCountry(row.destinationCountry)}
                  <Said text=", exporter " />
                </span>
                {/* Issue 15: a carrier issues for many exporters; the list names each one. */}
                <span className="record-row__text" data-testid="record-exporter">
                  {orDash(row.exporterName)}
                  <Said text=", consignee " />
                </span>
                <span className="record-row__text">
                  {orDash(row.consigneeName)}
                  <Said text=", HS " />
                </span>
                <span>
                  {orDash(row.hsCode)}
                  <Said text=", " />
                </span>
                <span className="record-list__num">
                  {format.carats(row.caratHundredths)}
                  <Said text=", " />
                </span>
                <span className="record-list__num">
                  {format.usd(row.valueCents)}
                  <Said text=", issued " />
                </span>
                {/* A draft's date of issue is only planned: never shown as issued (issue 16). */}
                <span>{row.issuedAt === null ? orDash(null) : format.date(row.dateOfIssue)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
