// Reads what a licensee types when registering purchased USKPA forms: ranges and single numbers
// separated by commas, spaces or new lines, e.g. "US10000-US10099, US10150". Every number must be
// a valid certificate number (shared/domain/certificate-number.ts).
import { CERTIFICATE_NUMBER } from '../../../../shared/domain/certificate-number';

/** One registration covers at most this many forms (USKPA sells them in books of 25 to 100). */
export const MAX_NUMBERS_PER_REGISTRATION = 100_000;

export type StockSpecReading =
  { kind: 'ok'; digits: number[] } | { kind: 'error'; message: string };

function digitsOf(token: string): number | null {
  const number = token.startsWith('US') ? token : `US${token}`;
  return CERTIFICATE_NUMBER.test(number) ? Number(number.slice(2)) : null;
}

export function readStockSpec(text: string): StockSpecReading {
  const tokens = text
    .toUpperCase()
    // "US 12345" is one number, as people type it (normalizeCertificateNumber).
    .replace(/US\s+(?=\d)/g, 'US')
    .replace(/\s*-\s*/g, '-')
    .split(/[\s,;]+/)
    .filter((token) => token !== '');
  if (tokens.length === 0) return { kind: 'error', message: 'Enter at least one number or range.' };
  const digits: number[] = [];
  for (const token of tokens) {
    const [from, to, extra] = token.split('-');
    const low = from === undefined ? null : digitsOf(from);
    const high = to === undefined ? low : digitsOf(to);
    if (extra !== undefined || low === null || high === null || !Number.isSafeInteger(high))
      return {
        kind: 'error',
        message: `"${token}" is not a certificate number or range, e.g. US10000 or US10000-US10099.`,
      };
    if (high < low) return { kind: 'error', message: `The range ${token} ends before it starts.` };
    if (digits.length + (high - low + 1) > MAX_NUMBERS_PER_REGISTRATION)
      return {
        kind: 'error',
        message: `Register at most ${String(MAX_NUMBERS_PER_REGISTRATION)} numbers at a time.`,
      };
    for (let n = low; n <= high; n += 1) digits.push(n);
  }
  return { kind: 'ok', digits };
}
