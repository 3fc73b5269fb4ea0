// Writes about the vault itself, each with its audit event: the confirmation that the recovery
// key shown (at first run, or after a replacement) was written down, and the replacement of the
// recovery key. The keys were checked or made before (keys/check-recovery-key.ts and
// keys/rotate-recovery-key.ts, which need the slow scrypt work outside the transaction); these
// only record the facts.
import {
  RECOVERY_KEY_CONFIRMED,
  RECOVERY_KEY_ROTATION,
} from '../vault/repositories/vault-facts-repository';
import { ADMINISTRATORS, authorize } from './actor';
import type { IssuanceContext } from './issuance-context';

/** Anyone holding the recovery key may confirm it, before the first user exists too. */
export function recordRecoveryKeyConfirmed(context: IssuanceContext, userId: number | null): void {
  const { facts } = context.repos;
  // A replaced key is confirmed on its own fact; the first run's confirmation is kept as it was.
  const entityId = facts.confirmRecoveryKeyRotation(userId)
    ? RECOVERY_KEY_ROTATION
    : facts.recordRecoveryKeyConfirmed(userId)
      ? RECOVERY_KEY_CONFIRMED
      : null;
  if (entityId === null) return;
  context.audit.append({
    userId,
    action: 'vault.confirm-recovery-key',
    entityType: 'setting',
    entityId,
  });
}

/** The recovery key guards the whole vault, so only an administrator replaces it. */
export function recordRecoveryKeyRotated(context: IssuanceContext, actor: unknown): void {
  const user = authorize(context.repos.users, actor, ADMINISTRATORS, 'replace the recovery key');
  context.repos.facts.recordRecoveryKeyRotated(user.id);
  context.audit.append({
    userId: user.id,
    action: 'vault.rotate-recovery-key',
    entityType: 'setting',
    entityId: RECOVERY_KEY_ROTATION,
  });
}

/** Re-keying re-encrypts the whole vault under a new key and a new recovery key: administrators. */
export function recordVaultRekeyed(context: IssuanceContext, actor: unknown): void {
  const user = authorize(context.repos.users, actor, ADMINISTRATORS, 're-key the vault');
  // The new recovery key awaits its confirmation, as after a rotation.
  context.repos.facts.recordRecoveryKeyRotated(user.id);
  context.audit.append({
    userId: user.id,
    action: 'vault.rekey',
    entityType: 'setting',
    entityId: RECOVERY_KEY_ROTATION,
  });
}
