// The offsets the print-on-form overlay and the calibration page are made with: this computer's,
// for its current printer. Before issue 16 the calibration was a vault setting, so a restore onto
// another office's computer moved one printer's offsets to another printer. The vault's old value
// is brought over once per computer (preferences-service.ts), the first time this computer prints
// with a signed-in vault; after that the vault's value is never read again.
import type { PrinterCalibration } from '../../../shared/preferences/preferences-schema';
import type { VaultAccess } from '../create-core-handlers';
import type { PreferencesService } from './preferences-service';

/** The name the vault's old calibration is kept under (the vault never knew the printer). */
export const IMPORTED_PRINTER_NAME = 'Printer calibrated before (from the vault settings)';

export async function currentPrinterCalibration(
  preferences: PreferencesService,
  vault: Pick<VaultAccess, 'settings'>,
): Promise<PrinterCalibration> {
  if (!preferences.get().vaultCalibrationImported) {
    const saved = (await vault.settings.get()).printerCalibration;
    preferences.importVaultCalibrationOnce(saved, IMPORTED_PRINTER_NAME);
  }
  return preferences.currentCalibration();
}
