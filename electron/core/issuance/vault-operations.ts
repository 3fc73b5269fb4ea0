// Writes about the vault itself, each with its audit event: the confirmation that the recovery
// key shown at first run was written down. The key was checked before (keys/check-recovery-key.ts,
// which needs the slow scrypt work outside the transaction); this only records the fact, once.
import { RECOVERY_KEY_CONFIRMED } from '../vault/repositories/vault-facts-repository';
import type { IssuanceContext } from './issuance-context';

/** Anyone holding the recovery key may confirm it, before the first user exists too. */
export function recordRecoveryKeyConfirmed(context: IssuanceContext, userId: number | null): void {
  if (!context.repos.facts.recordRecoveryKeyConfirmed(userId)) return;
  context.audit.append({
    userId,
    action: 'vault.confirm-recovery-key',
    entityType: 'setting',
    entityId: RECOVERY_KEY_CONFIRMED,
  });
}
