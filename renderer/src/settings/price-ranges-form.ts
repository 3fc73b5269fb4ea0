// The usual US$ per carat per HS code as typed in Settings (text in each box) and back. A box
// that is not a number stays text, so the schema's own message ("7102.31: enter the lowest US$ per
// carat as a number") reaches its box; "5,000" is read as 5000 (en-US thousands separators).
import type { PriceRangeCode, PriceRanges } from '../../../shared/domain/validation-settings';
import { priceRangeCodes } from '../../../shared/domain/validation-settings';

export type PriceBound = 'minUsdPerCarat' | 'maxUsdPerCarat';
export type PriceRangesForm = Record<PriceRangeCode, Record<PriceBound, string>>;

export function toPriceForm(ranges: PriceRanges): PriceRangesForm {
  const form = {} as PriceRangesForm;
  for (const code of priceRangeCodes) {
    form[code] = {
      minUsdPerCarat: String(ranges[code].minUsdPerCarat),
      maxUsdPerCarat: String(ranges[code].maxUsdPerCarat),
    };
  }
  return form;
}

const asNumber = (text: string): number | string => {
  const trimmed = text.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return Number(trimmed.replaceAll(',', ''));
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
};

/** The pricePerCaratRanges of settings:save; the schema (here and again in main) judges it. */
export function fromPriceForm(form: PriceRangesForm): Record<string, unknown> {
  const ranges: Record<string, unknown> = {};
  for (const code of priceRangeCodes) {
    ranges[code] = {
      minUsdPerCarat: asNumber(form[code].minUsdPerCarat),
      maxUsdPerCarat: asNumber(form[code].maxUsdPerCarat),
    };
  }
  return ranges;
}

/** "pricePerCaratRanges.7102.31.maxUsdPerCarat" (main) or "7102.31.maxUsdPerCarat" (here). */
export function priceBoxOf(path: string): { code: PriceRangeCode; bound: PriceBound } | null {
  const match = /^(?:pricePerCaratRanges\.)?(\d{4}\.\d{2})\.(minUsdPerCarat|maxUsdPerCarat)$/.exec(
    path,
  );
  const code = priceRangeCodes.find((known) => known === match?.[1]);
  const bound = match?.[2];
  if (code === undefined || (bound !== 'minUsdPerCarat' && bound !== 'maxUsdPerCarat')) return null;
  return { code, bound };
}
