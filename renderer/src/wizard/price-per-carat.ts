// US$ per carat of this shipment against the licensee's own history for the same HS code, to
// catch a mis-keyed weight or value (a slipped decimal point) before it reaches a certificate.
// The history is the licensee's issued certificates in this vault, never outside data.
import { readHundredths } from '../../../shared/domain/decimal';

/** Cents per carat, or null while carats or value are not readable amounts. */
export function pricePerCarat(carats: string, valueUsd: string): number | null {
  const weight = readHundredths(carats);
  const value = readHundredths(valueUsd);
  if (weight.kind !== 'ok' || value.kind !== 'ok' || weight.hundredths === 0) return null;
  // value cents / (carat hundredths / 100) = cents per carat.
  return (value.hundredths * 100) / weight.hundredths;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Fewer past certificates than this say too little to warn about. */
export const MIN_HISTORY = 3;
/** "Far from" the median: more than this many times above it, or below it. */
export const FAR_FACTOR = 3;

export type PriceJudgement =
  | { kind: 'none' }
  | { kind: 'no-history'; count: number }
  | { kind: 'usual'; median: number; count: number }
  | { kind: 'far'; median: number; count: number; ratio: number };

export function judgePrice(current: number | null, history: readonly number[]): PriceJudgement {
  if (current === null) return { kind: 'none' };
  const middle = median(history);
  if (middle === null || history.length < MIN_HISTORY || middle <= 0)
    return { kind: 'no-history', count: history.length };
  const ratio = current / middle;
  return ratio > FAR_FACTOR || ratio < 1 / FAR_FACTOR
    ? { kind: 'far', median: middle, count: history.length, ratio }
    : { kind: 'usual', median: middle, count: history.length };
}
