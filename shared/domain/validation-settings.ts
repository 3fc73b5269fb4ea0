// Settings that change what a rule accepts. The defaults follow USKPA practice; domain.md lists
// the questions that are still OPEN, which is why these are settings and not constants.
import { z } from 'zod';

/** "At most N days" (31 CFR 592.307(e) as USKPA applies it) or "exactly N days" (USKPA's own
 * database issues certificates valid exactly 60 days): OPEN in domain.md, so a setting. */
export const expiryModes = ['at-most', 'exactly'] as const;
export type ExpiryMode = (typeof expiryModes)[number];

export const PriceRangeSchema = z
  .object({
    minUsdPerCarat: z.number().positive().max(10_000_000),
    maxUsdPerCarat: z.number().positive().max(10_000_000),
  })
  .strict()
  .refine((range) => range.minUsdPerCarat < range.maxUsdPerCarat, {
    error: 'The lowest US$ per carat must be below the highest.',
  });
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

export const ValidationSettingsSchema = z
  .object({
    /** Expiry at most this many days after issue (USKPA default 60; Census 2019 guidance). */
    expiryMaxDays: z.number().int().min(1).max(366).default(60),
    /** Warn when the ITN's acceptance date is further than this from the date of issue. */
    itnMaxDaysFromIssue: z.number().int().min(1).max(366).default(30),
    /** How expiryMaxDays is applied. */
    expiryMode: z.enum(expiryModes).default('at-most'),
    /** Usual US$ per carat per HS code; outside it, VALUE_PER_CARAT_UNUSUAL warns. */
    pricePerCaratRanges: z
      .object({
        '7102.10': PriceRangeSchema,
        '7102.21': PriceRangeSchema,
        '7102.31': PriceRangeSchema,
      })
      .strict()
      .default(defaultPriceRanges),
  })
  .strict();

export type ValidationSettings = z.output<typeof ValidationSettingsSchema>;

export const defaultValidationSettings: ValidationSettings = ValidationSettingsSchema.parse({});
