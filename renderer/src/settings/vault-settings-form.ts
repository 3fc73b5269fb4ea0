// The vault settings as typed (text in each box) and back: a box that is not a number stays text,
// so the schema's own message ("Use an offset between -72 and 72 points") reaches its field.
import type { VaultSettings } from '../../../shared/records/vault-settings';

export type VaultSettingsForm = {
  expiryMaxDays: string;
  expiryMode: string;
  itnWarningDays: string;
  retentionYears: string;
  autoLockMinutes: string;
  offsetXPt: string;
  offsetYPt: string;
  tsaUrl: string;
};

export function toForm(settings: VaultSettings): VaultSettingsForm {
  return {
    expiryMaxDays: String(settings.expiryMaxDays),
    expiryMode: settings.expiryMode,
    itnWarningDays: String(settings.itnWarningDays),
    retentionYears: String(settings.retentionYears),
    autoLockMinutes: String(settings.autoLockMinutes),
    offsetXPt: String(settings.printerCalibration.offsetXPt),
    offsetYPt: String(settings.printerCalibration.offsetYPt),
    tsaUrl: settings.tsaUrl,
  };
}

const asNumber = (text: string): number | string => {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
};

/** The payload of settings:save; the schema (in the UI and again in main) judges it. */
export function fromForm(form: VaultSettingsForm): Record<string, unknown> {
  return {
    expiryMaxDays: asNumber(form.expiryMaxDays),
    expiryMode: form.expiryMode,
    itnWarningDays: asNumber(form.itnWarningDays),
    retentionYears: asNumber(form.retentionYears),
    autoLockMinutes: asNumber(form.autoLockMinutes),
    printerCalibration: {
      offsetXPt: asNumber(form.offsetXPt),
      offsetYPt: asNumber(form.offsetYPt),
    },
    tsaUrl: form.tsaUrl,
  };
}

/** The form's box for a field path of the schema ("printerCalibration.offsetXPt" → offsetXPt). */
export function formKeyOf(path: string): keyof VaultSettingsForm | null {
  const key = path.replace(/^printerCalibration\./, '');
  const keys: (keyof VaultSettingsForm)[] = [
    'expiryMaxDays',
    'expiryMode',
    'itnWarningDays',
    'retentionYears',
    'autoLockMinutes',
    'offsetXPt',
    'offsetYPt',
    'tsaUrl',
  ];
  return (keys as string[]).includes(key) ? (key as keyof VaultSettingsForm) : null;
}
