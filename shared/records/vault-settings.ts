// The settings kept in the vault (administrators change them with settings:save). Bounds match the
// CHECKs of migration 0040 and the printer calibration's own limits (one inch either way).
import { z } from 'zod';
import {
  PriceRangesSchema,
  ValidationSettingsSchema,
  defaultPriceRanges,
  expiryModes,
} from '../domain/validation-settings';

export const MIN_RETENTION_YEARS = 5;
export const DEFAULT_RETENTION_YEARS = 10;
export const MAX_CALIBRATION_OFFSET_PT = 72;

const offset = z
  .number()
  .min(-MAX_CALIBRATION_OFFSET_PT, 'Use an offset between -72 and 72 points (one inch).')
  .max(MAX_CALIBRATION_OFFSET_PT, 'Use an offset between -72 and 72 points (one inch).');

export const VaultSettingsSchema = z
  .object({
    /** A certificate expires at most this many days after issue (USKPA practice: 60). */
    expiryMaxDays: z.number().int().min(1).max(366),
    /** "at-most": expiry up to expiryMaxDays after issue; "exactly": exactly that many days. */
    expiryMode: z.enum(expiryModes).default('at-most'),
    /** Warn when the ITN's date is further than this many days from the date of issue. */
    itnWarningDays: z.number().int().min(1).max(366),
    /**
     * Years a record is kept before it may be deleted: at least 5 (15 CFR 30.10), by default 10
     * (31 CFR 501.601).
     */
    retentionYears: z
      .number()
      .int()
      .min(
        MIN_RETENTION_YEARS,
        `Keep records at least ${String(MIN_RETENTION_YEARS)} years (15 CFR 30.10).`,
      )
      .max(100),
    /** The vault locks itself after this many minutes without use. */
    autoLockMinutes: z
      .number()
      .int()
      .min(1, 'Lock after at least 1 minute.')
      .max(24 * 60, 'Lock after at most 24 hours (1440 minutes).'),
    /** Shift of the print-on-form overlay in PDF points: +x right, +y up. */
    printerCalibration: z.object({ offsetXPt: offset, offsetYPt: offset }).strict(),
    /**
     * The RFC 3161 time-stamp authority for PAdES B-T/B-LT signatures (ETSI EN 319 142-1);
     * empty: documents are signed B-B. A TSA that cannot be reached never stops the signing.
     */
    tsaUrl: z
      .string()
      .trim()
      .max(2000, 'Use an address of at most 2,000 characters.')
      .regex(
        /^(https?:\/\/[^\s/?#@]+(\/[^\s]*)?)?$/i,
        'Enter the time-stamp authority’s address as http://… or https://…, or leave it empty.',
      )
      .default(''),
    /**
     * The usual US$ per carat of each HS code (rule 6, price-plausibility-rules.ts): the licensee
     * knows its own trade, so the ranges are settings; the defaults come from public KP
     * statistics (validation-settings.ts). A payload without them keeps the defaults.
     */
    pricePerCaratRanges: PriceRangesSchema.default(defaultPriceRanges),
  })
  .strict();

export type VaultSettings = z.output<typeof VaultSettingsSchema>;

export const defaultVaultSettings: VaultSettings = {
  expiryMaxDays: 60,
  expiryMode: 'at-most',
  itnWarningDays: 30,
  retentionYears: DEFAULT_RETENTION_YEARS,
  autoLockMinutes: 15,
  printerCalibration: { offsetXPt: 0, offsetYPt: 0 },
  tsaUrl: '',
  pricePerCaratRanges: defaultPriceRanges,
};

/**
 * settings:get: the vault's settings (the defaults while the vault is locked or nothing was saved
 * yet), and the rule settings they make, which the renderer's live checks use.
 */
export const SettingsViewSchema = VaultSettingsSchema.extend({
  validation: ValidationSettingsSchema,
  /** Whether these are the vault's saved settings (false: defaults). */
  saved: z.boolean(),
}).strict();

export type SettingsView = z.output<typeof SettingsViewSchema>;
