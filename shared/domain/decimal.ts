// Exact decimals for carats and US$: read as text into integer hundredths (or cents) and never
// through a float, so "0.1 + 0.2" errors can never reach a certificate (31 CFR 592.307(h)-(i):
// the weight and value printed must be the ones declared).

export type DecimalReading =
  | { kind: 'ok'; hundredths: number }
  | { kind: 'missing' }
  | { kind: 'several' }
  | { kind: 'format' }
  | { kind: 'precision' };

// Several amounts on one line ("12.5, 3.0", "12.5 / 3", "12.5 + 3") are a mistake agencies see
// often (Census 2019): one certificate carries one weight and one value.
const SEVERAL = /\d\s*[,;/+&]\s*\d|\d\s+(and|\+)\s+\d|\d\s+\d/i;
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^(\d+)(?:\.(\d*))?$/;

/** Reads "1,234.5" or "1234.50" into 123450; two decimal places at most. */
export function readHundredths(raw: string): DecimalReading {
  const text = raw.trim().replace(/^(US)?\$\s*/i, '');
  if (text === '') return { kind: 'missing' };
  const unseparated = THOUSANDS.test(text) ? text.replaceAll(',', '') : text;
  const match = PLAIN.exec(unseparated);
  if (!match) return SEVERAL.test(text) ? { kind: 'several' } : { kind: 'format' };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { kind: 'precision' };
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(hundredths)) return { kind: 'format' };
  return { kind: 'ok', hundredths };
}

/** 123450 → "1234.50": the form in which the certificate and AES show the amount. */
export function formatHundredths(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const fraction = String(hundredths % 100).padStart(2, '0');
  return `${whole}.${fraction}`;
}
