// `--price-range 7102.31=5-50000`: the usual US$ per carat of one HS code for this run (rule 6,
// price-plausibility-rules.ts), as the app's Settings set it for the vault. Repeatable, one code
// each; the codes not named keep their defaults. Checked with the app's own schema, so the CLI
// cannot accept a range the app would refuse (positive, lowest below highest).
import type { PriceRanges } from '../../shared/domain/validation-settings';
import { PriceRangesSchema, priceRangeCodes } from '../../shared/domain/validation-settings';
import { appError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

const OPTION = /^\s*(\d{4}\.\d{2})\s*=\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/;
const SHAPE = 'CODE=LOWEST-HIGHEST, e.g. 7102.31=5-50000 (US$ per carat)';

function refuse(message: string) {
  return err(appError('INVALID_INPUT', message, { '--price-range': message }));
}

export function parsePriceRangeOptions(
  texts: readonly string[],
  base: PriceRanges,
): Result<PriceRanges> {
  const ranges: Record<string, unknown> = { ...base };
  const seen = new Set<string>();
  for (const text of texts) {
    const match = OPTION.exec(text);
    const code = match?.[1];
    if (match === null || code === undefined) {
      return refuse(`--price-range must be ${SHAPE}, not "${text}".`);
    }
    if (!(priceRangeCodes as readonly string[]).includes(code)) {
      return refuse(`--price-range: ${code} is not one of ${priceRangeCodes.join(', ')}.`);
    }
    if (seen.has(code)) return refuse(`--price-range names ${code} twice; give it once.`);
    seen.add(code);
    ranges[code] = { minUsdPerCarat: Number(match[2]), maxUsdPerCarat: Number(match[3]) };
  }
  const checked = PriceRangesSchema.safeParse(ranges);
  if (!checked.success) {
    return refuse(`--price-range: ${checked.error.issues[0]?.message ?? 'not a usable range.'}`);
  }
  return ok(checked.data);
}
