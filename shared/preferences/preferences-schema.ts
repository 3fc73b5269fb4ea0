// Per-computer preferences (issue 16): what belongs to this computer, not to the licensee's
// record, so a vault restored on another office's computer never brings them along. The vault
// keeps what belongs to the licensee; these live in main (electron-store) and reach the renderer
// only through `preferences:get` / `preferences:save`.
import { z } from 'zod';

/** One inch either way, as the vault's calibration had (vault-settings.ts). */
const offset = z
  .number({ error: 'Enter the offset in points (1/72 inch).' })
  .min(-72, 'An offset is at most one inch (72 pt) either way.')
  .max(72, 'An offset is at most one inch (72 pt) either way.');

export const PrinterCalibrationSchema = z.object({ offsetXPt: offset, offsetYPt: offset }).strict();
export type PrinterCalibration = z.infer<typeof PrinterCalibrationSchema>;

const printerName = z
  .string()
  .trim()
  .min(1, 'Name the printer.')
  .max(200, 'A printer name has at most 200 characters.')
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'A printer name cannot hold control or invisible characters.');

/** The number and date formats offered (one locale formats both; en-US by default). */
export const preferenceLocales = [
  'en-US',
  'en-GB',
  'de-DE',
  'fr-FR',
  'nl-BE',
  'he-IL',
  'hi-IN',
] as const;

const pixels = (what: string) =>
  z
    .number({ error: `Enter the window ${what} in pixels.` })
    .int(`The window ${what} is a whole number of pixels.`);

export const WindowBoundsSchema = z
  .object({
    x: pixels('position').min(-10_000).max(10_000),
    y: pixels('position').min(-10_000).max(10_000),
    width: pixels('width').min(800, 'The window is at least 800 pixels wide.').max(10_000),
    height: pixels('height').min(600, 'The window is at least 600 pixels high.').max(10_000),
    maximized: z.boolean(),
  })
  .strict();
export type WindowBounds = z.infer<typeof WindowBoundsSchema>;

export const PreferencesSchema = z
  .object({
    /** Where the window was, restored at start (null: the default size, centred). */
    window: WindowBoundsSchema.nullable(),
    /** The folder holding the vault on this computer (null: the app's data folder). */
    vaultFolder: z
      .string()
      .min(1, 'Choose the vault folder.')
      .max(4096, 'The folder path is too long.')
      .refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path), {
        error: 'The vault folder must be a full path (e.g. C:\\KP Desk or /home/you/KP Desk).',
      })
      .nullable(),
    /** Each printer's offsets for USKPA's pre-printed form, by the printer's name. */
    printerCalibrations: z
      .record(printerName, PrinterCalibrationSchema)
      .refine((all) => Object.keys(all).length <= 50, {
        error: 'At most 50 printers can be calibrated.',
      }),
    /** The printer the print-on-form overlay is made for (its calibration applies). */
    currentPrinter: printerName.nullable(),
    /** How numbers and dates are written (one locale for both). */
    locale: z.enum(preferenceLocales, { error: 'Choose one of the offered formats.' }),
    /**
     * The vault's printer calibration (kept in the vault before issue 16) is imported once per
     * computer; after that a vault, restored or not, never changes this computer's calibration.
     */
    vaultCalibrationImported: z.boolean(),
  })
  .strict();
export type Preferences = z.infer<typeof PreferencesSchema>;

export const defaultPreferences: Preferences = {
  window: null,
  vaultFolder: null,
  printerCalibrations: {},
  currentPrinter: null,
  locale: 'en-US',
  vaultCalibrationImported: false,
};

/** What `preferences:save` takes: any of the fields a person sets (the import flag is main's). */
export const PreferencesPatchSchema = PreferencesSchema.omit({ vaultCalibrationImported: true })
  .partial()
  .strict();
export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>;
