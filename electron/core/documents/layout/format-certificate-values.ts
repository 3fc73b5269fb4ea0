// How the certificate's values read on paper. Amounts come as exact integers (hundredths of a
// carat, US cents) and are formatted with string and integer arithmetic only, never through a
// float, so the printed weight and value are exactly the declared ones (31 CFR 592.307(h)-(i)).
// Dates print as "27 NOV 2026": day, month name and year cannot be misread across the
// US (month/day) and European (day/month) conventions of the people who read a KP certificate.
import { countryName } from '../../../../shared/reference/reference-data';

const MONTHS = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIXED_ORIGIN = '****';

function assertAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${what} must be a non-negative safe integer, got ${String(value)}`);
}

/** "1234567" → "1,234,567": groups of three from the right. */
function groupThousands(digits: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3)
    groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(',');
}

/** 123456 hundredths → "1,234.56": the integer split by division and remainder, never as a float. */
export function formatGroupedHundredths(hundredths: number): string {
  assertAmount(hundredths, 'An amount in hundredths');
  const whole = Math.trunc(hundredths / 100);
  const fraction = String(hundredths % 100).padStart(2, '0');
  return `${groupThousands(String(whole))}.${fraction}`;
}

/** 1500000 cents → "US$ 15,000.00". */
export function formatUsDollarsFromCents(cents: number): string {
  return `US$ ${formatGroupedHundredths(cents)}`;
}

/** 1250 hundredths of a carat → "12.50". */
export function formatCarats(caratHundredths: number): string {
  return formatGroupedHundredths(caratHundredths);
}

/** "2026-11-27" → "27 NOV 2026"; anything but a real ISO calendar date is a programming error. */
export function formatCertificateDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  const day = match ? Number(match[3]) : 0;
  if (!match || month === undefined || day < 1 || day > daysInMonth(match[1] ?? '', match[2] ?? ''))
    throw new Error(`Not a calendar date (YYYY-MM-DD): "${isoDate}"`);
  return `${String(day).padStart(2, '0')} ${month} ${match[1] ?? ''}`;
}

function daysInMonth(year: string, month: string): number {
  // Day 0 of the next month is the last day of this one (UTC, so no time zone can shift it).
  return new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
}

/** "CD" → "CD – Congo, The Democratic Republic of the"; mixed origin stays "****" (592.307). */
export function formatCountryOfOrigin(code: string): string {
  if (code === MIXED_ORIGIN) return MIXED_ORIGIN;
  const name = countryName(code);
  return name === undefined ? code : `${code} – ${name}`;
}
