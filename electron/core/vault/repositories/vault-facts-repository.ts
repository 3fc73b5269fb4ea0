// Facts about the vault itself, one row each in the key/value `settings` table of 0010: when the
// recovery key shown at first run was confirmed (typed back), and the latest replacement of the
// recovery key with whether its new key was confirmed. Each fact has its own key and schema; a
// value that does not parse is treated as absent, never guessed (and a replacement that does not
// parse as unconfirmed: the records stay closed rather than open on a guess).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';

export const RECOVERY_KEY_CONFIRMED = 'recoveryKeyConfirmedAt';
export const RECOVERY_KEY_ROTATION = 'recoveryKeyRotation';

const ConfirmationSchema = z.object({ at: z.string(), userId: z.number().int().nullable() });
export type RecoveryKeyConfirmation = z.output<typeof ConfirmationSchema>;

const RotationSchema = z.object({
  at: z.string(),
  userId: z.number().int(),
  confirmed: ConfirmationSchema.nullable(),
});
export type RecoveryKeyRotation = z.output<typeof RotationSchema>;

export type VaultFactsRepository = ReturnType<typeof createVaultFactsRepository>;

export function createVaultFactsRepository(db: Database, now: () => Date) {
  const read = db.prepare<[string], { value_json: string }>(
    'SELECT value_json FROM settings WHERE key = ?',
  );
  // INSERT only: a confirmation is recorded once and never rewritten.
  const insert = db.prepare('INSERT OR IGNORE INTO settings (key, value_json) VALUES (?, ?)');
  // The rotation fact holds the latest replacement; earlier ones live on in the audit chain.
  const upsert = db.prepare(
    `INSERT INTO settings (key, value_json) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`,
  );

  const parsed = <T>(key: string, schema: z.ZodType<T>): T | null | 'unreadable' => {
    const row = read.get(key);
    if (row === undefined) return null;
    let json: unknown;
    try {
      json = JSON.parse(row.value_json);
    } catch {
      return 'unreadable';
    }
    const result = schema.safeParse(json);
    return result.success ? result.data : 'unreadable';
  };

  const recoveryKeyRotation = (): RecoveryKeyRotation | null | 'unreadable' =>
    parsed(RECOVERY_KEY_ROTATION, RotationSchema);

  /** The confirmation of the recovery key in force, or null while it is unconfirmed. */
  const recoveryKeyConfirmation = (): RecoveryKeyConfirmation | null => {
    const rotation = recoveryKeyRotation();
    if (rotation === 'unreadable') return null;
    if (rotation !== null) return rotation.confirmed;
    const firstRun = parsed(RECOVERY_KEY_CONFIRMED, ConfirmationSchema);
    return firstRun === 'unreadable' ? null : firstRun;
  };

  return {
    recoveryKeyConfirmation,
    /** Records the first run's confirmation; true if it was new (false: already recorded). */
    recordRecoveryKeyConfirmed: (userId: number | null): boolean => {
      const value = JSON.stringify({ at: now().toISOString(), userId });
      return insert.run(RECOVERY_KEY_CONFIRMED, value).changes === 1;
    },
    /** A new recovery key replaced the old one; it is unconfirmed until typed back. */
    recordRecoveryKeyRotated: (userId: number): void => {
      const rotation: RecoveryKeyRotation = { at: now().toISOString(), userId, confirmed: null };
      upsert.run(RECOVERY_KEY_ROTATION, JSON.stringify(rotation));
    },
    /** Confirms the replaced key; true if a replacement was waiting for it (false: none was). */
    confirmRecoveryKeyRotation: (userId: number | null): boolean => {
      const rotation = recoveryKeyRotation();
      if (rotation === null || rotation === 'unreadable' || rotation.confirmed !== null)
        return false;
      const confirmed = { ...rotation, confirmed: { at: now().toISOString(), userId } };
      upsert.run(RECOVERY_KEY_ROTATION, JSON.stringify(confirmed));
      return true;
    },
  };
}
