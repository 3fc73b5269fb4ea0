// Carats and US dollars, the two amounts on a KP certificate (31 CFR 592.307(b): the carat
// weight and the value in US dollars). One written form everywhere: "1,234.50 ct" and
// "US$15,000.00". "US$" rather than "$" because the certificate's value is in US dollars by rule
// and the licensee's partners read other dollars.
import { DEFAULT_LOCALE } from './locale-context';
import { formatDecimalText, formatHundredths } from './number-format';

const DASH = '—';

/** Hundredths of a carat as "1,234.50 ct", or an em dash while there is no readable weight. */
export function formatCarats(hundredths: number | null, locale: string = DEFAULT_LOCALE): string {
  return hundredths === null ? DASH : `${formatHundredths(hundredths, locale)} ct`;
}

/** Cents as "US$15,000.00", or an em dash. */
export function formatUsd(cents: number | null, locale: string = DEFAULT_LOCALE): string {
  return cents === null ? DASH : `US$${formatHundredths(cents, locale)}`;
}

/** A rounded amount of cents (a median, a ratio) as "US$1,200.00". */
export function formatUsdApprox(cents: number, locale: string = DEFAULT_LOCALE): string {
  return formatUsd(Math.round(cents), locale);
}

/** An exact decimal text of carats ("12.50") as "12.50 ct"; text that is not a decimal as is. */
export function formatCaratsText(text: string | null, locale: string = DEFAULT_LOCALE): string {
  if (text === null || text.trim() === '') return DASH;
  const formatted = formatDecimalText(text, 2, locale);
  return formatted === null ? text : `${formatted} ct`;
}

/** An exact decimal text of US dollars ("412500.00") as "US$412,500.00"; other text as is. */
export function formatUsdText(text: string | null, locale: string = DEFAULT_LOCALE): string {
  if (text === null || text.trim() === '') return DASH;
  const formatted = formatDecimalText(text, 2, locale);
  return formatted === null ? text : `US$${formatted}`;
}
