// This computer's preferences (shared/preferences/preferences-schema.ts): read with defaults,
// saved only whole and valid. A refusal (PREFERENCES_INVALID) names each field and its rule and
// saves nothing. A stored file that no longer passes the schema (edited by hand, an older
// version) is read field by field: what is valid is kept, the rest falls back to its default.
import type { z } from 'zod';
import type {
  Preferences,
  PrinterCalibration,
} from '../../../shared/preferences/preferences-schema';
import {
  PreferencesPatchSchema,
  PreferencesSchema,
  defaultPreferences,
} from '../../../shared/preferences/preferences-schema';
import { AppFailure } from '../app-failure';
import type { PreferencesStore } from './preferences-store';

const NO_OFFSET: PrinterCalibration = { offsetXPt: 0, offsetYPt: 0 };

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, 20)) {
    const path = issue.path.map(String).join('.') || 'preferences';
    // A printer's name is a record key: zod reports "Invalid key in record" with the key's own
    // rule inside, which is the one a person can act on.
    const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
    fields[path] ??= inner ?? issue.message;
  }
  return fields;
}

/** Each stored field that still passes its own schema; the default for the rest. */
function readLeniently(stored: unknown): Preferences {
  if (typeof stored !== 'object' || stored === null) return { ...defaultPreferences };
  const record = stored as Record<string, unknown>;
  const read = { ...defaultPreferences } as Record<string, unknown>;
  for (const [key, schema] of Object.entries(PreferencesSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(record[key]);
    if (parsed.success && key in record) read[key] = parsed.data;
  }
  return read as Preferences;
}

export function createPreferencesService(store: PreferencesStore) {
  const get = (): Preferences => readLeniently(store.get());

  const write = (next: Preferences): Preferences => {
    // Checked once more as a whole: a patch that is valid alone may not be valid with the rest
    // (a current printer that has no calibration is allowed; a bad combination is not saved).
    const checked = PreferencesSchema.safeParse(next);
    if (!checked.success)
      throw new AppFailure(
        'PREFERENCES_INVALID',
        'These preferences cannot be saved; nothing was changed.',
        fieldsOf(checked.error),
      );
    store.set(checked.data);
    return checked.data;
  };

  return {
    get,

    /** Saves the fields given, all or nothing (PREFERENCES_INVALID names each bad field). */
    save(input: unknown): Preferences {
      const patch = PreferencesPatchSchema.safeParse(input);
      if (!patch.success)
        throw new AppFailure(
          'PREFERENCES_INVALID',
          'These preferences cannot be saved; nothing was changed.',
          fieldsOf(patch.error),
        );
      const current = get();
      // Once a person calibrates a printer on this computer, the vault's old value is never
      // brought over on top of it.
      const ownCalibration = 'printerCalibrations' in patch.data || 'currentPrinter' in patch.data;
      return write({
        ...current,
        ...patch.data,
        vaultCalibrationImported: current.vaultCalibrationImported || ownCalibration,
      });
    },

    /** The offsets for the current printer (none calibrated: no offset). */
    currentCalibration(): PrinterCalibration {
      const preferences = get();
      const printer = preferences.currentPrinter;
      return (printer === null ? undefined : preferences.printerCalibrations[printer]) ?? NO_OFFSET;
    },

    /**
     * Brings the calibration the vault held (before issue 16) to this computer, once: the first
     * vault this computer prints with gives its value, under `printerName`, as the current printer
     * if none is chosen. Every later call does nothing, so a vault restored from another office
     * never moves its printer's offsets onto this computer's printers. Answers whether it imported.
     */
    importVaultCalibrationOnce(calibration: PrinterCalibration, printerName: string): boolean {
      const preferences = get();
      if (preferences.vaultCalibrationImported) return false;
      const worthKeeping = calibration.offsetXPt !== 0 || calibration.offsetYPt !== 0;
      write({
        ...preferences,
        ...(worthKeeping
          ? {
              printerCalibrations: {
                ...preferences.printerCalibrations,
                [printerName]: calibration,
              },
              currentPrinter: preferences.currentPrinter ?? printerName,
            }
          : {}),
        vaultCalibrationImported: true,
      });
      return worthKeeping;
    },
  };
}

export type PreferencesService = ReturnType<typeof createPreferencesService>;
