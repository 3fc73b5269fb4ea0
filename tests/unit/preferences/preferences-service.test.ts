// This computer's preferences (issue 16) in a real `conf` store (what electron-store wraps) in a
// temp folder: defaults, saving, and refusals. A bad value is refused with PREFERENCES_INVALID
// naming the field and its rule, and the file on disk is left byte for byte as it was.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import type { PreferencesService } from '../../../electron/core/preferences/preferences-service';
import { createPreferencesService } from '../../../electron/core/preferences/preferences-service';
import { createConfPreferencesStore } from '../../../preview/conf-preferences-store';
import { defaultPreferences } from '../../../shared/preferences/preferences-schema';

let dir: string;
let file: string;
let preferences: PreferencesService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kp-preferences-'));
  const store = createConfPreferencesStore(dir);
  file = store.path;
  preferences = createPreferencesService(store);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function refusal(input: unknown): AppFailure['error'] {
  try {
    preferences.save(input);
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('saved, but should have been refused');
}

describe('preferences', () => {
  it('start from the defaults (en-US, no calibration) and keep what is saved', () => {
    expect(preferences.get()).toEqual(defaultPreferences);
    expect(preferences.currentCalibration()).toEqual({ offsetXPt: 0, offsetYPt: 0 });
    preferences.save({
      printerCalibrations: { 'Office Epson': { offsetXPt: 2.5, offsetYPt: -1 } },
      currentPrinter: 'Office Epson',
      locale: 'de-DE',
      window: { x: 10, y: 20, width: 1280, height: 800, maximized: false },
      vaultFolder: '/home/kp/KP Desk',
    });
    // A new store over the same file reads the same (as the next start of the app would).
    const again = createPreferencesService(createConfPreferencesStore(dir));
    expect(again.get()).toMatchObject({ locale: 'de-DE', currentPrinter: 'Office Epson' });
    expect(again.currentCalibration()).toEqual({ offsetXPt: 2.5, offsetYPt: -1 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ locale: 'de-DE' });
  });

  it('refuses bad values with PREFERENCES_INVALID naming each field; nothing is saved', () => {
    preferences.save({ locale: 'en-GB' });
    const before = readFileSync(file);
    const cases: [unknown, string, string][] = [
      [
        { printerCalibrations: { Epson: { offsetXPt: 100, offsetYPt: 0 } } },
        'printerCalibrations.Epson.offsetXPt',
        'at most one inch',
      ],
      [{ locale: 'xx-XX' }, 'locale', 'Choose one of the offered formats'],
      [{ vaultFolder: 'relative/folder' }, 'vaultFolder', 'full path'],
      [
        { window: { x: 0, y: 0, width: 100, height: 800, maximized: false } },
        'window.width',
        'at least 800 pixels',
      ],
      [
        { printerCalibrations: { 'Epson\u0007': { offsetXPt: 1, offsetYPt: 1 } } },
        'printerCalibrations.Epson\u0007',
        'control or invisible',
      ],
    ];
    for (const [input, field, rule] of cases) {
      const error = refusal(input);
      expect(error.code).toBe('PREFERENCES_INVALID');
      expect(error.message).toContain('nothing was changed');
      expect(Object.keys(error.fields ?? {})).toContain(field);
      expect(Object.values(error.fields ?? {}).join(' ')).toContain(rule);
    }
    // An unknown key, and a valid field beside an invalid one: all or nothing.
    expect(refusal({ theme: 'dark' }).code).toBe('PREFERENCES_INVALID');
    expect(refusal({ locale: 'fr-FR', vaultFolder: 'nope' }).code).toBe('PREFERENCES_INVALID');
    expect(readFileSync(file)).toEqual(before);
    expect(preferences.get().locale).toBe('en-GB');
  });

  it('reads a hand-damaged file field by field: a bad field falls back to its default', () => {
    preferences.save({ locale: 'nl-BE', currentPrinter: 'Canon' });
    writeFileSync(
      file,
      JSON.stringify({ locale: 'Klingon', currentPrinter: 'Canon', printerCalibrations: 7 }),
    );
    expect(preferences.get()).toMatchObject({
      locale: 'en-US',
      currentPrinter: 'Canon',
      printerCalibrations: {},
    });
  });

  it('imports the vault’s old calibration once per computer, never again', () => {
    expect(existsSync(file)).toBe(false);
    expect(preferences.importVaultCalibrationOnce({ offsetXPt: 10, offsetYPt: -5 }, 'Old')).toBe(
      true,
    );
    expect(preferences.get()).toMatchObject({
      currentPrinter: 'Old',
      printerCalibrations: { Old: { offsetXPt: 10, offsetYPt: -5 } },
      vaultCalibrationImported: true,
    });
    // Another vault (a restore from another office) never moves its offsets here.
    expect(preferences.importVaultCalibrationOnce({ offsetXPt: 40, offsetYPt: 40 }, 'Old')).toBe(
      false,
    );
    expect(preferences.currentCalibration()).toEqual({ offsetXPt: 10, offsetYPt: -5 });
    // The flag is main's: the renderer cannot reset it.
    expect(refusal({ vaultCalibrationImported: false }).code).toBe('PREFERENCES_INVALID');
  });

  it('marks the import done without adding a printer when the vault had no offsets', () => {
    expect(preferences.importVaultCalibrationOnce({ offsetXPt: 0, offsetYPt: 0 }, 'Old')).toBe(
      false,
    );
    expect(preferences.get()).toMatchObject({
      printerCalibrations: {},
      currentPrinter: null,
      vaultCalibrationImported: true,
    });
  });
});
