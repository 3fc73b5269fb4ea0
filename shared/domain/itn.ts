// The AES Internal Transaction Number: "X" + the acceptance date YYYYMMDD + 6 digits, e.g.
// X20190308366903. Writing it on the certificate completes validation (31 CFR 592.301(a)(5)).
import { dayNumber } from './calendar-date';

export const ITN_PATTERN = /^X\d{14}$/;

export type ItnReading =
  { kind: 'ok'; day: number } | { kind: 'missing' } | { kind: 'format' } | { kind: 'date' };

export function normalizeItn(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, '');
}

export function readItn(text: string): ItnReading {
  const itn = normalizeItn(text);
  if (itn === '') return { kind: 'missing' };
  if (!ITN_PATTERN.test(itn)) return { kind: 'format' };
  const day = dayNumber(Number(itn.slice(1, 5)), Number(itn.slice(5, 7)), Number(itn.slice(7, 9)));
  return day === null ? { kind: 'date' } : { kind: 'ok', day };
}
