// Facts about the vault itself, one row each in the key/value `settings` table of 0010: for now,
// when the recovery key was confirmed (typed back after first run). Each fact has its own key and
// schema; a value that does not parse is treated as absent, never guessed.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';

export const RECOVERY_KEY_CONFIRMED = 'recoveryKeyConfirmedAt';

const ConfirmationSchema = z.object({ at: z.string(), userId: z.number().int().nullable() });
export type RecoveryKeyConfirmation = z.output<typeof ConfirmationSchema>;

export type VaultFactsRepository = ReturnType<typeof createVaultFactsRepository>;

export function createVaultFactsRepository(db: Database, now: () => Date) {
  const read = db.prepare<[string], { value_json: string }>(
    'SELECT value_json FROM settings WHERE key = ?',
  );
  // INSERT only: a confirmation is recorded once and never rewritten.
  const insert = db.prepare('INSERT OR IGNORE INTO settings (key, value_json) VALUES (?, ?)');

  const recoveryKeyConfirmation = (): RecoveryKeyConfirmation | null => {
    const row = read.get(RECOVERY_KEY_CONFIRMED);
    if (row === undefined) return null;
    const parsed = ConfirmationSchema.safeParse(JSON.parse(row.value_json));
    return parsed.success ? parsed.data : null;
  };

  return {
    recoveryKeyConfirmation,
    /** Records the confirmation; true if it was new (false: it was already recorded). */
    recordRecoveryKeyConfirmed: (userId: number | null): boolean => {
      const value = JSON.stringify({ at: now().toISOString(), userId });
      return insert.run(RECOVERY_KEY_CONFIRMED, value).changes === 1;
    },
  };
}
