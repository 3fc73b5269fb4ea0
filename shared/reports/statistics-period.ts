// The period a statistics report covers, typed as a reviewer types it: a year ("2018"), a
// quarter ("2026Q3") or an inclusive range of calendar dates ("2026-01-01..2026-06-30"). KP
// Participants report trade quarterly and the US report to the KP is annual (KPCS Section V and
// Annex III; the KP statistics guidelines), so years and quarters are the usual periods; a range
// serves Census's reconciliations, which follow no calendar.
import { formatIsoDate, parseIsoDate } from '../domain/calendar-date';

export type StatisticsPeriod = {
  kind: 'year' | 'quarter' | 'range';
  /** As the user would type it again: "2018", "2026Q3", "2026-01-01..2026-06-30". */
  label: string;
  /** First and last day, both included (YYYY-MM-DD, compared as text like the vault's dates). */
  from: string;
  to: string;
};

export type PeriodReading =
  { ok: true; period: StatisticsPeriod } | { ok: false; message: string; rule: string };

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})\s*-?\s*Q([1-4])$/i;
const RANGE = /^(\S+)\s*\.\.\s*(\S+)$/;

/** The years a certificate of the vault can carry (calendar-date.ts accepts 1900 … 2999). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

const HOW = 'Give a year (2018), a quarter (2026Q3) or a range of dates (2026-01-01..2026-06-30).';

const refuse = (message: string, rule: string): PeriodReading => ({ ok: false, message, rule });

function yearOf(text: string): number | null {
  const year = Number(text);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

export function yearPeriod(year: number): StatisticsPeriod {
  const y = String(year);
  return { kind: 'year', label: y, from: `${y}-01-01`, to: `${y}-12-31` };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): StatisticsPeriod {
  const y = String(year);
  const firstMonth = (quarter - 1) * 3 + 1;
  const from = `${y}-${String(firstMonth).padStart(2, '0')}-01`;
  // The day before the next quarter's first day: 31 March, 30 June, 30 September, 31 December.
  const nextFirst =
    quarter === 4
      ? `${String(year + 1)}-01-01`
      : `${y}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  const to = formatIsoDate((parseIsoDate(nextFirst) ?? 0) - 1);
  return { kind: 'quarter', label: `${y}Q${String(quarter)}`, from, to };
}

export function parseStatisticsPeriod(raw: string): PeriodReading {
  const text = raw.trim();
  if (text === '') return refuse(`The period is missing. ${HOW}`, 'required');
  const year = YEAR.exec(text);
  if (year) {
    const value = yearOf(year[1] ?? '');
    if (value === null)
      return refuse(
        `"${text}" is not a year a certificate can carry (${String(FIRST_YEAR)} to ${String(LAST_YEAR)}).`,
        'year',
      );
    return { ok: true, period: yearPeriod(value) };
  }
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const value = yearOf(quarter[1] ?? '');
    if (value === null)
      return refuse(
        `"${text}": the year of a quarter must be ${String(FIRST_YEAR)} to ${String(LAST_YEAR)}.`,
        'year',
      );
    return { ok: true, period: quarterPeriod(value, Number(quarter[2]) as 1 | 2 | 3 | 4) };
  }
  const range = RANGE.exec(text);
  if (range) {
    const from = range[1] ?? '';
    const to = range[2] ?? '';
    const fromDay = parseIsoDate(from);
    const toDay = parseIsoDate(to);
    if (fromDay === null)
      return refuse(`"${from}" is not a calendar date (YYYY-MM-DD). ${HOW}`, 'date');
    if (toDay === null)
      return refuse(`"${to}" is not a calendar date (YYYY-MM-DD). ${HOW}`, 'date');
    if (toDay < fromDay)
      return refuse(`The range ends (${to}) before it starts (${from}).`, 'order');
    return {
      ok: true,
      period: {
        kind: 'range',
        label: `${from}..${to}`,
        from: formatIsoDate(fromDay),
        to: formatIsoDate(toDay),
      },
    };
  }
  if (/^\d{4}\s*-?\s*Q\d+$/i.test(text))
    return refuse(`"${text}": a year has quarters Q1 to Q4 only.`, 'quarter');
  return refuse(`"${text}" is not a period. ${HOW}`, 'format');
}

/** The years a period touches, in order: the rows of the annual table. */
export function yearsOf(period: StatisticsPeriod): number[] {
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  const years: number[] = [];
  for (let year = first; year <= last; year += 1) years.push(year);
  return years;
}
