// The vault's settings row (migration 0040). No row: the defaults, until the first save. Writes go
// through the issuance service (administrators, audited; settings-operations.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { VaultSettings } from '../../../../shared/records/vault-settings';
import { VaultSettingsSchema } from '../../../../shared/records/vault-settings';
import type { PriceRanges } from '../../../../shared/domain/validation-settings';
import {
  PriceRangesSchema,
  defaultPriceRanges,
} from '../../../../shared/domain/validation-settings';

type Row = {
  expiry_max_days: number;
  itn_warning_days: number;
  retention_years: number;
  auto_lock_minutes: number;
  printer_offset_x_pt: number;
  printer_offset_y_pt: number;
};

/**
 * The TSA's address lives in the key/value settings table (audited as entity 'setting'), not as a
 * column of vault_settings: a new column would change the audit digest of a row saved before.
 */
export const TSA_URL_SETTING = 'timestamp.tsaUrl';
/** "at-most" or "exactly" (expiryMaxDays), kept the same way for the same reason; none: at-most. */
export const EXPIRY_MODE_SETTING = 'rules.expiryMode';

/** The usual US$ per carat per HS code (rule 6), kept the same way; none: the defaults. */
export const PRICE_RANGES_SETTING = 'rules.pricePerCaratRanges';

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;

export function createSettingsRepository(db: Database, now: () => Date) {
  const read = db.prepare<[], Row>('SELECT * FROM vault_settings WHERE id = 1');
  const write = db.prepare(
    `INSERT INTO vault_settings (id, expiry_max_days, itn_warning_days, retention_years,
       auto_lock_minutes, printer_offset_x_pt, printer_offset_y_pt, updated_at, updated_by)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET expiry_max_days = excluded.expiry_max_days,
       itn_warning_days = excluded.itn_warning_days, retention_years = excluded.retention_years,
       auto_lock_minutes = excluded.auto_lock_minutes,
       printer_offset_x_pt = excluded.printer_offset_x_pt,
       printer_offset_y_pt = excluded.printer_offset_y_pt,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const readValue = db.prepare<[string], { value_json: string }>(
    'SELECT value_json FROM settings WHERE key = ?',
  );
  const writeValue = db.prepare(
    `INSERT INTO settings (key, value_json) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`,
  );
  const tsaUrl = (): string => {
    const row = readValue.get(TSA_URL_SETTING);
    const value: unknown = row === undefined ? '' : JSON.parse(row.value_json);
    return typeof value === 'string' ? value : '';
  };
  const expiryMode = (): 'at-most' | 'exactly' => {
    const row = readValue.get(EXPIRY_MODE_SETTING);
    const value: unknown = row === undefined ? null : JSON.parse(row.value_json);
    return value === 'exactly' ? 'exactly' : 'at-most';
  };
  const priceRanges = (): PriceRanges => {
    const row = readValue.get(PRICE_RANGES_SETTING);
    // Only a save writes the row, through the same schema; a row that no longer parses (a newer
    // app's shape) falls back to the defaults rather than to no check at all.
    const parsed = PriceRangesSchema.safeParse(
      row === undefined ? null : JSON.parse(row.value_json),
    );
    return parsed.success ? parsed.data : defaultPriceRanges;
  };
  return {
    /** The RFC 3161 time-stamp authority's address; empty when none is set. */
    tsaUrl,
    /** The stored settings, or null when none were saved yet (the caller supplies defaults). */
    get: (): VaultSettings | null => {
      const row = read.get();
      if (row === undefined) return null;
      return VaultSettingsSchema.parse({
        expiryMaxDays: row.expiry_max_days,
        expiryMode: expiryMode(),
        itnWarningDays: row.itn_warning_days,
        retentionYears: row.retention_years,
        autoLockMinutes: row.auto_lock_minutes,
        printerCalibration: {
          offsetXPt: row.printer_offset_x_pt,
          offsetYPt: row.printer_offset_y_pt,
        },
        tsaUrl: tsaUrl(),
        pricePerCaratRanges: priceRanges(),
      });
    },
    save: (settings: VaultSettings, userId: number): void => {
      write.run(
        settings.expiryMaxDays,
        settings.itnWarningDays,
        settings.retentionYears,
        settings.autoLockMinutes,
        settings.printerCalibration.offsetXPt,
        settings.printerCalibration.offsetYPt,
        now().toISOString(),
        userId,
      );
      writeValue.run(TSA_URL_SETTING, JSON.stringify(settings.tsaUrl));
      writeValue.run(EXPIRY_MODE_SETTING, JSON.stringify(settings.expiryMode));
      writeValue.run(PRICE_RANGES_SETTING, JSON.stringify(settings.pricePerCaratRanges));
    },
  };
}
