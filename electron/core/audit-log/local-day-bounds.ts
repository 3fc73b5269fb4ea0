// The licensee's calendar days as instants of the audit chain. Events are chained with their UTC
// instant (ISO 8601, so text order is time order); a reviewer asks for "1 to 31 July" in the
// licensee's own days. The core runs on the licensee's computer, in its time zone (as
// licensee-local-date.ts reads "today"), so a day starts at local midnight.
import { parseIsoDate } from '../../../shared/domain/calendar-date';

function localMidnight(isoDay: string, addDays: number): string {
  if (parseIsoDate(isoDay) === null) throw new Error(`not a calendar date: ${isoDay}`);
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + addDays).toISOString();
}

/** The first instant of the day `from` and the first instant after the day `to` (exclusive). */
export function localDayBounds(range: { from?: string; to?: string }): {
  fromAt: string | null;
  toAt: string | null;
} {
  return {
    fromAt: range.from === undefined ? null : localMidnight(range.from, 0),
    toAt: range.to === undefined ? null : localMidnight(range.to, 1),
  };
}
