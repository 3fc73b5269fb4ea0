// The formatters bound to the locale of the nearest LocaleProvider, for components:
// `const format = useFormat(); format.usd(cents)`. Pure functions stay importable for code
// outside React (and take the locale as a parameter).
import { useMemo } from 'react';
import {
  formatCarats,
  formatCaratsText,
  formatUsd,
  formatUsdApprox,
  formatUsdText,
} from './amount-format';
import { formatDate, formatMoment, formatTimeOfDay, formatTimestamp } from './date-format';
import { useLocale } from './locale-context';
import { formatCount, formatDecimalText, formatFileSize } from './number-format';

export type Formatters = ReturnType<typeof bindFormatters>;

export function bindFormatters(locale: string) {
  return {
    locale,
    count: (n: number) => formatCount(n, locale),
    fileSize: (bytes: number) => formatFileSize(bytes, locale),
    decimal: (text: string, fractionDigits = 2) =>
      formatDecimalText(text, fractionDigits, locale) ?? text,
    carats: (hundredths: number | null) => formatCarats(hundredths, locale),
    caratsText: (text: string | null) => formatCaratsText(text, locale),
    usd: (cents: number | null) => formatUsd(cents, locale),
    usdApprox: (cents: number) => formatUsdApprox(cents, locale),
    usdText: (text: string | null) => formatUsdText(text, locale),
    date: (isoDate: string | null) => formatDate(isoDate, locale),
    moment: (when: Date) => formatMoment(when, locale),
    timestamp: (iso: string | null) => formatTimestamp(iso, locale),
    timeOfDay: (when: Date) => formatTimeOfDay(when, locale),
  };
}

export function useFormat(): Formatters {
  const locale = useLocale();
  return useMemo(() => bindFormatters(locale), [locale]);
}
