// Settings that change what a rule accepts. The defaults follow USKPA practice; domain.md lists
// the questions that are still OPEN, which is why these are settings and not constants.
import { z } from 'zod';

export const ValidationSettingsSchema = z
  .object({
    /** Expiry at most this many days after issue (USKPA default 60; Census 2019 guidance). */
    expiryMaxDays: z.number().int().min(1).max(366).default(60),
    /** Warn when the ITN's acceptance date is further than this from the date of issue. */
    itnMaxDaysFromIssue: z.number().int().min(1).max(366).default(30),
  })
  .strict();

export type ValidationSettings = z.output<typeof ValidationSettingsSchema>;

export const defaultValidationSettings: ValidationSettings = ValidationSettingsSchema.parse({});
