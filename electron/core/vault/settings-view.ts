// What settings:get answers: the saved settings of the open vault, else the defaults (the vault is
// locked, or nothing was saved yet), with the rule settings they make. It answers while locked too,
// since the renderer's live checks need the rule settings before anyone signs in.
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';
import type { SettingsView, VaultSettings } from '../../../shared/records/vault-settings';
import { defaultVaultSettings } from '../../../shared/records/vault-settings';
import type { VaultServices } from './vault-services';

export type SettingsBase = { validation?: ValidationSettings; autoLockMinutes?: number };

/** The defaults, with the gateway's own base (a test's rule settings or auto-lock time). */
export function defaultSettings(base: SettingsBase): VaultSettings {
  const validation = base.validation ?? defaultValidationSettings;
  return {
    ...defaultVaultSettings,
    expiryMaxDays: validation.expiryMaxDays,
    expiryMode: validation.expiryMode,
    itnWarningDays: validation.itnMaxDaysFromIssue,
    pricePerCaratRanges: validation.pricePerCaratRanges,
    autoLockMinutes: base.autoLockMinutes ?? defaultVaultSettings.autoLockMinutes,
  };
}

export function settingsView(services: VaultServices | null, base: SettingsBase): SettingsView {
  const stored = services?.settings.stored() ?? null;
  return {
    ...(stored ?? defaultSettings(base)),
    validation: services?.settings.validation() ?? base.validation ?? defaultValidationSettings,
    saved: stored !== null,
  };
}
