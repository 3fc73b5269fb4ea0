// Settings that change what a rule accepts. The defaults follow USKPA practice; domain.md lists
// the questions that are still OPEN, which is why these are settings and not constants.
import { z } from 'zod';

/** "At most N days" (31 CFR 592.307(e) as USKPA applies it) or "exactly N days" (USKPA's own
 * database issues certificates valid exactly 60 days): OPEN in domain.md, so a setting. */
export const expiryModes = ['at-most', 'exactly'] as const;
export type ExpiryMode = (typeof expiryModes)[number];

/** The three rough-diamond HS codes that have a usual price range (31 CFR 592.307(k)). */
export const priceRangeCodes = ['7102.10', '7102.21', '7102.31'] as const;
export type PriceRangeCode = (typeof priceRangeCodes)[number];

const MAX_USD_PER_CARAT = 10_000_000;

/**
 * One HS code's usual range. Each message names the code and the box, since a settings form shows
 * six boxes and the CLI one flag per code: "7102.31: the lowest US$ per carat must be above 0."
 */
export function priceRangeSchema(code: string) {
  const bound = (which: 'lowest' | 'highest') =>
    z
      .number({ error: `${code}: enter the ${which} US$ per carat as a number, e.g. 25.50.` })
      .positive(`${code}: the ${which} US$ per carat must be above 0.`)
      .max(MAX_USD_PER_CARAT, `${code}: the ${which} US$ per carat must be at most 10,000,000.`);
  return (
    z
      .object({ minUsdPerCarat: bound('lowest'), maxUsdPerCarat: bound('highest') })
      .strict()
      // Compared only when both bounds are usable: a negative bound has its own message already.
      .refine(
        (range) =>
          range.minUsdPerCarat <= 0 ||
          range.maxUsdPerCarat <= 0 ||
          range.minUsdPerCarat < range.maxUsdPerCarat,
        {
          error: `${code}: the lowest US$ per carat must be below the highest.`,
          path: ['maxUsdPerCarat'],
        },
      )
  );
}

export const PriceRangeSchema = priceRangeSchema('The price range');
export type PriceRange = z.output<typeof PriceRangeSchema>;

/**
 * The usual US$ per carat for each rough-diamond HS code, beyond which the value or the weight is
 * probably mis-keyed (a slipped decimal point). Defaults from public KPCS statistics, as reported
 * from the KP's annual global summaries: the world's average rough production value was about
 * US$ 90 to 132 per carat in 2010-2022; producing countries' averages run from about US$ 9 per
 * carat (DR Congo, mostly industrial) and US$ 28 (Australia) to about US$ 600 (Namibia) and US$ 930
 * to 1,820 (Lesotho); Israel's rough imports averaged about US$ 277 per carat (2015). The ranges are
 * deliberately one to two orders of magnitude wider than those averages, so only an implausible
 * figure warns: a parcel can be far better or worse than its country's average.
 */
export const defaultPriceRanges = {
  '7102.10': { minUsdPerCarat: 1, maxUsdPerCarat: 5_000 },
  '7102.21': { minUsdPerCarat: 0.1, maxUsdPerCarat: 150 },
  '7102.31': { minUsdPerCarat: 5, maxUsdPerCarat: 50_000 },
} as const satisfies Record<string, PriceRange>;

/** The usual range of each HS code; the Settings form and `kpdesk validate --price-range` edit it. */
export const PriceRangesSchema = z
  .object({
    '7102.10': priceRangeSchema('7102.10'),
    '7102.21': priceRangeSchema('7102.21'),
    '7102.31': priceRangeSchema('7102.31'),
  })
  .strict();
export type PriceRanges = z.output<typeof PriceRangesSchema>;

export const ValidationSettingsSchema = z
  .object({
    /** Expiry at most this many days after issue (USKPA default 60; Census 2019 guidance). */
    expiryMaxDays: z.number().int().min(1).max(366).default(60),
    /** Warn when the ITN's acceptance date is further than this from the date of issue. */
    itnMaxDaysFromIssue: z.number().int().min(1).max(366).default(30),
    /** How expiryMaxDays is applied. */
    expiryMode: z.enum(expiryModes).default('at-most'),
    /** Usual US$ per carat per HS code; outside it, VALUE_PER_CARAT_UNUSUAL warns. */
    pricePerCaratRanges: PriceRangesSchema.default(defaultPriceRanges),
  })
  .strict();

export type ValidationSettings = z.output<typeof ValidationSettingsSchema>;

export const defaultValidationSettings: ValidationSettings = ValidationSettingsSchema.parse({});
