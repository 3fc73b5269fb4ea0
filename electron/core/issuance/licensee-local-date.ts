// "Today" for the rules that turn on a calendar date (a certificate expires the day after its
// date of expiry): the licensee's local date, read from main's clock, where the vault runs. Never
// a date the renderer sends: a page could claim any day it likes.
export function licenseeLocalDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
