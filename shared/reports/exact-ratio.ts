// Ratios of exact amounts for display: shares of volume and value, and US$ per carat. The sums
// are exact integers (carat hundredths, cents; see shared/domain/decimal.ts); only the ratio
// shown is rounded, once, half-up to two decimals (0.005 → 0.01), in BigInt so that no float
// ever touches a figure. KPCS statistics are reported with two decimals.

/** a / b rounded half-up to an integer, for a ≥ 0 and b > 0. */
function divideHalfUp(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (b * 2n);
}

/** An integer number of hundredths as "12.34" (never through a float). */
export function formatHundredthsBig(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const magnitude = negative ? -hundredths : hundredths;
  const whole = magnitude / 100n;
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole.toString()}.${fraction}`;
}

/**
 * part / whole as a percentage with two decimals, rounded half-up: "33.33". A share of nothing
 * (whole = 0) is null: there is no share to show, and 0.00 would claim one.
 */
export function sharePercent(part: bigint, whole: bigint): string | null {
  if (whole <= 0n || part < 0n) return null;
  return formatHundredthsBig(divideHalfUp(part * 10_000n, whole));
}

/**
 * Average US$ per carat with two decimals, rounded half-up: value (cents) / weight (carat
 * hundredths) is US$ per carat exactly, so ×100 gives it in cents. Null when the weight is 0.
 */
export function usdPerCarat(valueCents: bigint, caratHundredths: bigint): string | null {
  if (caratHundredths <= 0n || valueCents < 0n) return null;
  return formatHundredthsBig(divideHalfUp(valueCents * 100n, caratHundredths));
}
