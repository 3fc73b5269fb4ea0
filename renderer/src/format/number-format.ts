// Plain numbers: counts with grouping ("12,500") and exact decimals ("412,500.00"). Decimals are
// formatted from their text, never through a float, so a cent is never rounded away: Intl
// formats a numeric string as the exact decimal it writes (ECMA-402, Intl.NumberFormat v3).
import { DEFAULT_LOCALE } from './locale-context';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, fractionDigits: number | null): Intl.NumberFormat {
  const key = `${locale}|${String(fractionDigits)}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(
      locale,
      fractionDigits === null
        ? { maximumFractionDigits: 0 }
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
    );
    cache.set(key, format);
  }
  return format;
}

/** A whole count with grouping: 12500 → "12,500". */
export function formatCount(count: number, locale: string = DEFAULT_LOCALE): string {
  return numberFormat(locale, null).format(count);
}

/** An integer number of hundredths (carats, cents) as an exact decimal: 41250000 → "412,500.00". */
export function formatHundredths(
  hundredths: number | bigint,
  locale: string = DEFAULT_LOCALE,
): string {
  const value = BigInt(hundredths);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const text = `${sign}${String(abs / 100n)}.${String(abs % 100n).padStart(2, '0')}`;
  return formatDecimalText(text, 2, locale) ?? text;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A decimal written as text ("412500.00", from an exact report) with grouping and exactly
 * `fractionDigits` decimals; null when the text is not a plain decimal (the caller shows it as
 * it is rather than guess).
 */
export function formatDecimalText(
  text: string,
  fractionDigits: number,
  locale: string = DEFAULT_LOCALE,
): string | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const decimals = trimmed.split('.')[1]?.length ?? 0;
  // More decimals than shown would round; the reports and the vault never give more than two.
  if (decimals > fractionDigits) return null;
  return numberFormat(locale, fractionDigits).format(trimmed as `${number}`);
}

/** A file's size: "812 bytes", "14.2 KB", "3.5 MB" (1 KB = 1,024 bytes). */
export function formatFileSize(bytes: number, locale: string = DEFAULT_LOCALE): string {
  if (bytes < 1024) return `${formatCount(bytes, locale)} bytes`;
  const oneDecimal = numberFormat(locale, 1);
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} KB`;
  return `${oneDecimal.format(bytes / (1024 * 1024))} MB`;
}
