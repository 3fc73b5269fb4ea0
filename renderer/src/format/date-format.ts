// Dates and times in one written form: a calendar date as "Nov 27, 2026" and a moment as
// "Nov 27, 2026, 2:30 PM" (12- or 24-hour as the locale writes it, never mixed). Calendar dates
// of a certificate (date of issue, expiry, export) are days, not moments: they are formatted in
// UTC so that no time zone moves them to the day before.
import { DEFAULT_LOCALE } from './locale-context';

const DASH = '—';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(
  locale: string,
  kind: 'date' | 'moment' | 'moment-zone' | 'time',
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  const key = `${locale}|${kind}|${timeZone ?? ''}`;
  let format = cache.get(key);
  if (format === undefined) {
    const day = { year: 'numeric', month: 'short', day: 'numeric' } as const;
    const clock = { hour: 'numeric', minute: '2-digit' } as const;
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { ...day, timeZone: 'UTC' }
        : kind === 'time'
          ? { ...clock, timeZone }
          : kind === 'moment'
            ? { ...day, ...clock, timeZone }
            : { ...day, ...clock, timeZone, timeZoneName: 'short' };
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** "2026-11-27" → "Nov 27, 2026"; an empty date is a dash, an unreadable one is shown as typed. */
export function formatDate(isoDate: string | null, locale: string = DEFAULT_LOCALE): string {
  if (isoDate === null || isoDate.trim() === '') return DASH;
  const match = ISO_DATE.exec(isoDate.trim());
  if (match === null) return isoDate;
  const [, y = '', m = '', d = ''] = match;
  const when = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // 2026-02-31 is not a day: show it as typed rather than as March 3.
  if (when.getUTCDate() !== Number(d) || when.getUTCMonth() !== Number(m) - 1) return isoDate;
  return dateTimeFormat(locale, 'date', undefined).format(when);
}

type MomentOptions = {
  /** IANA time zone; the computer's own when absent (tests pass one). */
  timeZone?: string | undefined;
  /** Add the zone's short name ("EST", "UTC"), for stored moments that others may read. */
  showZone?: boolean | undefined;
};

/** A moment as "Nov 27, 2026, 2:30 PM" in the computer's time zone. */
export function formatMoment(
  when: Date,
  locale: string = DEFAULT_LOCALE,
  options: MomentOptions = {},
): string {
  if (Number.isNaN(when.getTime())) return DASH;
  const kind = options.showZone === true ? 'moment-zone' : 'moment';
  return dateTimeFormat(locale, kind, options.timeZone).format(when);
}

/**
 * A stored timestamp (ISO 8601, UTC) as "Nov 27, 2026, 10:00 AM UTC": in the computer's time
 * zone, with the zone named so that a record read in another office is not misread.
 */
export function formatTimestamp(
  iso: string | null,
  locale: string = DEFAULT_LOCALE,
  timeZone?: string,
): string {
  if (iso === null || iso.trim() === '') return DASH;
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return formatMoment(when, locale, { timeZone, showZone: true });
}

/** A time of day as "2:30 PM" (or "14:30" where the locale writes 24 hours). */
export function formatTimeOfDay(
  when: Date,
  locale: string = DEFAULT_LOCALE,
  timeZone?: string,
): string {
  return dateTimeFormat(locale, 'time', timeZone).format(when);
}
