// An audit event's instant in the licensee's local time, with the offset written out, so that a
// reviewer comparing with a paper record or another time zone knows which clock it is. The app
// runs on the licensee's computer: the browser's time zone is theirs (as licensee-local-date.ts).
const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

export function formatLocalTime(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const offset = -when.getTimezoneOffset();
  const sign = offset < 0 ? '−' : '+';
  const zone =
    offset === 0 ? 'UTC' : `UTC${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return (
    `${String(when.getFullYear())}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ` +
    `${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())} (${zone})`
  );
}
