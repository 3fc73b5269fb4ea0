// Nothing younger than the retention period may be deleted. Export records must be kept five
// years (15 CFR 30.10) and records of Kimberley Process transactions ten years (31 CFR 501.601);
// the default is the longer, and the setting can never go below the shorter legal minimum.
import { AppFailure } from '../../app-failure';

export const DEFAULT_RETENTION_YEARS = 10;
export const MIN_RETENTION_YEARS = 5;

/** A record's dates: an ISO timestamp (createdAt) and/or a calendar date (dateOfIssue). */
export type RetainedRecord = { createdAt?: string | null; dateOfIssue?: string | null };

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
// A timestamp must name its time zone: a local time would make the answer depend on the machine.
const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDate(value: string): Date | undefined {
  if (dateOnly.test(value)) {
    const date = new Date(`${value}T00:00:00.000Z`);
    // Refuse rolled-over dates such as 2023-02-30, which Date silently turns into 2 March.
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? date : undefined;
  }
  if (!timestamp.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The first instant the record may be deleted: the same UTC day and time `years` later. A
 * 29 February has no anniversary in a common year; the period then ends on 1 March, the first
 * day on which the full number of years has passed (never the day before).
 */
export function retentionEndsAt(start: Date, years: number): Date {
  const end = new Date(start.getTime());
  end.setUTCFullYear(start.getUTCFullYear() + years);
  // setUTCFullYear turns 29 Feb into 1 Mar in a common year: already the conservative answer.
  return end;
}

export function assertDeletable(
  record: RetainedRecord,
  now: Date,
  retentionYears: number = DEFAULT_RETENTION_YEARS,
): void {
  if (!Number.isInteger(retentionYears) || retentionYears < MIN_RETENTION_YEARS)
    throw new AppFailure(
      'INVALID_INPUT',
      `The retention period must be a whole number of at least ${MIN_RETENTION_YEARS} years (15 CFR 30.10).`,
      { retentionYears: `at least ${MIN_RETENTION_YEARS} whole years` },
    );
  const dates = [record.createdAt, record.dateOfIssue]
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .map(parseDate);
  // An unknown or unreadable date cannot prove the record is old enough: keep it.
  if (dates.length === 0 || dates.some((date) => date === undefined))
    throw new AppFailure(
      'RETENTION_PROTECTED',
      'This record has no readable date, so it cannot be shown to be past the retention period; it was kept.',
    );
  // The latest date counts: a record issued years after its draft was created is kept longer.
  const start = new Date(Math.max(...dates.map((date) => date?.getTime() ?? 0)));
  const end = retentionEndsAt(start, retentionYears);
  if (now.getTime() < end.getTime())
    throw new AppFailure(
      'RETENTION_PROTECTED',
      `This record must be kept for ${retentionYears} years (31 CFR 501.601), until ${end.toISOString().slice(0, 10)}; it was not deleted.`,
    );
}
