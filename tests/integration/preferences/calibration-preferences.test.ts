// The printer calibration moves from the vault to this computer's preferences (issue 16), on a
// real encrypted vault through the channels, with a real `conf` store in a temp folder: the vault's
// old offsets are imported once, the calibration page is made with this computer's current
// printer's offsets (read back from the PDF with pdftotext), a later vault value is never imported,
// and restoring a backup leaves the preferences file byte for byte as it was.
import { mkdirSync, copyFileSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPreferencesService } from '../../../electron/core/preferences/preferences-service';
import { IMPORTED_PRINTER_NAME } from '../../../electron/core/preferences/current-printer-calibration';
import { createConfPreferencesStore } from '../../../preview/conf-preferences-store';
import type { Preferences } from '../../../shared/preferences/preferences-schema';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';
import { pdfText } from '../documents/pdf-tools';

let h: ChannelHarness;
let prefsDir: string;
let prefsFile: string;
beforeEach(async () => {
  prefsDir = mkdtempSync(join(tmpdir(), 'kp-computer-'));
  const store = createConfPreferencesStore(prefsDir);
  prefsFile = store.path;
  h = createChannelHarness({}, { preferences: createPreferencesService(store) });
  await h.firstRun();
});
afterEach(() => {
  h.dispose();
  rmSync(prefsDir, { recursive: true, force: true });
});

async function saveVaultCalibration(offsetXPt: number, offsetYPt: number) {
  const settings = await h.value('settings:get');
  await h.value('settings:save', {
    expiryMaxDays: settings.expiryMaxDays,
    itnWarningDays: settings.itnWarningDays,
    retentionYears: settings.retentionYears,
    autoLockMinutes: settings.autoLockMinutes,
    printerCalibration: { offsetXPt, offsetYPt },
  });
}

async function appliedOffsets(): Promise<string> {
  const page = await h.value<{ path: string }>('documents:printCalibration');
  const line = (await pdfText(page.path)).split('\n').find((l) => l.startsWith('Applied now'));
  return line ?? '';
}

describe('printer calibration on this computer', () => {
  it('imports the vault’s offsets once, then uses only this computer’s printers', async () => {
    await saveVaultCalibration(10, -5); // where the calibration lived before issue 16
    expect((await h.value<Preferences>('preferences:get')).vaultCalibrationImported).toBe(false);

    expect(await appliedOffsets()).toContain('offset X 10.0 pt, offset Y -5.0 pt');
    expect(await h.value<Preferences>('preferences:get')).toMatchObject({
      vaultCalibrationImported: true,
      currentPrinter: IMPORTED_PRINTER_NAME,
      printerCalibrations: { [IMPORTED_PRINTER_NAME]: { offsetXPt: 10, offsetYPt: -5 } },
    });

    // This computer's own printer, chosen in the preferences, is what the page is made for.
    const mine = await h.value<Preferences>('preferences:get');
    await h.value('preferences:save', {
      printerCalibrations: {
        ...mine.printerCalibrations,
        'Office Epson': { offsetXPt: 2.5, offsetYPt: 3 },
      },
      currentPrinter: 'Office Epson',
    });
    expect(await appliedOffsets()).toContain('offset X 2.5 pt, offset Y 3.0 pt');

    // A refused save over the channel changes nothing (the contract names the field).
    const refused = await h.call('preferences:save', {
      printerCalibrations: { 'Office Epson': { offsetXPt: 500, offsetYPt: 0 } },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(JSON.stringify(refused.error.fields)).toContain('offsetXPt');
    expect(await appliedOffsets()).toContain('offset X 2.5 pt, offset Y 3.0 pt');

    // The vault's value changes later (say, another office's vault): never imported again.
    await saveVaultCalibration(40, 40);
    expect(await appliedOffsets()).toContain('offset X 2.5 pt, offset Y 3.0 pt');
  });

  it('restoring a backup leaves this computer’s preferences untouched', async () => {
    await h.value('preferences:save', {
      printerCalibrations: { 'Office Epson': { offsetXPt: 1, offsetYPt: 2 } },
      currentPrinter: 'Office Epson',
      locale: 'en-GB',
    });
    await saveVaultCalibration(30, 30); // the backup's vault carries other offsets
    const backup = await h.value<{ path: string }>('vault:backup');
    await h.value('stock:register', { numbers: 'US20000-US20000' });
    const imports = join(h.dialogs.root, 'imports');
    mkdirSync(imports, { recursive: true });
    copyFileSync(backup.path, join(imports, basename(backup.path)));
    const before = readFileSync(prefsFile);

    const asked = await h.call('vault:restore', { passphrase: HARNESS_PASSPHRASE });
    expect(asked.ok).toBe(false);
    const dropped = asked.ok
      ? ''
      : (/: (\d+)$/.exec(asked.error.fields?.dropEvents ?? '')?.[1] ?? '');
    await h.value('vault:restore', { passphrase: HARNESS_PASSPHRASE, dropEvents: Number(dropped) });
    expect(readFileSync(prefsFile)).toEqual(before);

    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.signInAs('ada');
    expect(await appliedOffsets()).toContain('offset X 1.0 pt, offset Y 2.0 pt');
    expect(await h.value<Preferences>('preferences:get')).toMatchObject({
      locale: 'en-GB',
      currentPrinter: 'Office Epson',
      // Calibrated here before: the restored vault's 30 pt offsets were never brought over.
      printerCalibrations: { 'Office Epson': { offsetXPt: 1, offsetYPt: 2 } },
    });
    expect(
      Object.keys((await h.value<Preferences>('preferences:get')).printerCalibrations),
    ).toEqual(['Office Epson']);
  });
});
