// Exact decimals for carats and US$: read as text into integer hundredths (or cents) and never
// through a float, so "0.1 + 0.2" errors can never reach a certificate (31 CFR 592.307(h)-(i):
// the weight and value printed must be the ones declared).

export type DecimalReading =
  | { kind: 'ok'; hundredths: number }
  | { kind: 'missing' }
  | { kind: 'several' }
  | { kind: 'format' }
  | { kind: 'precision' }
  /** Written with a currency other than US$ ("€ 15000", "15000 EUR", "HK$ 15000"). */
  | { kind: 'currency'; written: string };

// Several amounts on one line ("12.5, 3.0", "12.5 / 3", "12.5 + 3") are a mistake agencies see
// often (Census 2019): one certificate carries one weight and one value.
const SEVERAL = /\d\s*[,;/+&]\s*\d|\d\s+(and|\+)\s+\d|\d\s+\d/i;
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^(\d+)(?:\.(\d*))?$/;

// What may stand before or after an amount. US$ marks are accepted (the KP value is in US$, 31 CFR
// 592.307(i)); any other currency is named back to the user, never read as if it were US$.
const AMOUNT_PARTS = /^(?<before>[^\d]*?)\s*(?<amount>\d(?:.*\d)?)\s*(?<after>[^\d]*)$/su;
const US_DOLLAR_MARKS = new Set(['$', 'US$', 'USD', 'USDOLLAR', 'USDOLLARS']);
const CURRENCY_WORDS =
  /^(euros?|pounds?|sterling|pounds? sterling|francs?|rupees?|shekels?|dirhams?|yen|yuan|renminbi|rmb|rand|pula|reais|real|won|baht|roubles?|rubles?|kwanzas?|dollars?|cad|aud|hkd)$/i;

function isUsDollarMark(mark: string): boolean {
  return US_DOLLAR_MARKS.has(mark.replace(/[\s.]/g, '').toUpperCase());
}

function isOtherCurrency(mark: string): boolean {
  // A currency sign (€, £, ¥, ₹, ₪, …), a dollar of another country (C$, HK$, A$, NZ$, R$),
  // an ISO 4217 code (EUR, GBP, CHF, AED), or a currency's name.
  return (
    /\p{Sc}/u.test(mark) || /^[A-Za-z]{3}$/.test(mark.trim()) || CURRENCY_WORDS.test(mark.trim())
  );
}

/** Reads "1,234.5", "US$ 1234.50" or "1234.50 USD" into 123450; two decimal places at most. */
export function readHundredths(raw: string): DecimalReading {
  const trimmed = raw.trim();
  if (trimmed === '') return { kind: 'missing' };
  const parts = AMOUNT_PARTS.exec(trimmed)?.groups;
  const marks = [parts?.before ?? '', parts?.after ?? ''].map((m) => m.trim()).filter(Boolean);
  for (const mark of marks) {
    if (isUsDollarMark(mark)) continue;
    if (isOtherCurrency(mark)) return { kind: 'currency', written: mark };
  }
  const text = parts !== undefined && marks.every(isUsDollarMark) ? (parts.amount ?? '') : trimmed;
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
