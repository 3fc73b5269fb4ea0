// US$ per carat far outside the usual range for the HS code is most often a mis-keyed weight or
// value (a slipped decimal point, carats typed as grams). The certificate must carry the true
// weight and value (31 CFR 592.307(h)-(i)); the ranges are settings with defaults from public KPCS
// statistics (validation-settings.ts), so this is a warning that names the figure, never an error.
import { hsCodes } from '../../reference/reference-data';
import type { CertificateDraft } from '../certificate-draft';
import { readHundredths } from '../decimal';
import type { Finding } from '../finding';
import { sources } from '../sources';
import type { ValidationSettings } from '../validation-settings';
import { warning } from './finding-builder';
import { normalizeHsCode } from './hs-code-rules';

/** 1234.5 → "1,234.50": how the figure is named to the user (en-US, as US$ amounts are). */
function usd(amount: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

type RangeCode = keyof ValidationSettings['pricePerCaratRanges'];

function isRangeCode(code: string): code is RangeCode {
  return code === '7102.10' || code === '7102.21' || code === '7102.31';
}

export function checkPricePerCarat(
  draft: CertificateDraft,
  settings: ValidationSettings,
): Finding[] {
  const codes = new Set(draft.hsCodes.map(normalizeHsCode).filter((code) => code !== ''));
  const [code] = codes;
  if (codes.size !== 1 || code === undefined || !isRangeCode(code)) return [];
  const carats = readHundredths(draft.carats);
  const value = readHundredths(draft.valueUsd);
  if (carats.kind !== 'ok' || value.kind !== 'ok' || carats.hundredths < 1) return [];
  if (value.hundredths < 1) return [];
  // cents / hundredths of a carat = US$ per carat, exact up to the division.
  const perCarat = value.hundredths / carats.hundredths;
  const range = settings.pricePerCaratRanges[code];
  if (perCarat >= range.minUsdPerCarat && perCarat <= range.maxUsdPerCarat) return [];
  const label = hsCodes.find((entry) => entry.code === code)?.description ?? code;
  const side = perCarat < range.minUsdPerCarat ? 'below' : 'above';
  return [
    warning(
      'VALUE_PER_CARAT_UNUSUAL',
      'valueUsd',
      `US$ ${usd(value.hundredths / 100)} for ${usd(carats.hundredths / 100)} ct is US$ ${usd(perCarat)} per carat, far ${side} the usual US$ ${usd(range.minUsdPerCarat)} to ${usd(range.maxUsdPerCarat)} per carat for ${code} (${label}). Check the carat weight and the value: a slipped decimal point is a common cause.`,
      sources.pricePlausibility,
    ),
  ];
}
