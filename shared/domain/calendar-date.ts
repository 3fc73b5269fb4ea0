// Calendar dates as written on a certificate (YYYY-MM-DD), compared as whole days. No time
// zones: a date of issue is a date, not an instant, so it is never shifted by the clock.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a real calendar date, or null ("2019-13-32" is not a date). */
export function dayNumber(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  return dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function formatIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
