// Changing a user's account: their role, or disabling and enabling it (a disabled user cannot sign
// in, and any session they still hold is refused at the next call, see actor.ts). Administrators
// only. The vault must always keep one active administrator, or nobody could manage it again:
// the last one can be neither demoted nor disabled, and nobody disables their own account.
import { AppFailure } from '../app-failure';
import type { User } from '../vault/repositories/user-repository';
import { parseInput } from '../vault/repositories/parse-input';
import { UpdateUserSchema } from '../../../shared/records/user-inputs';
import { ADMINISTRATORS, authorize } from './actor';
import type { IssuanceContext } from './issuance-context';

export function updateUser(context: IssuanceContext, actor: unknown, input: unknown): User {
  const { users } = context.repos;
  const admin = authorize(users, actor, ADMINISTRATORS, 'manage users');
  const change = parseInput(UpdateUserSchema, input);
  const target = users.get(change.id);
  if (target === null)
    throw new AppFailure('NOT_FOUND', `There is no user with id ${String(change.id)}.`, {
      id: 'No such user.',
    });
  const role = change.role ?? target.role;
  const disabled = change.disabled ?? target.disabledAt !== null;
  if (disabled && target.disabledAt === null && target.id === admin.id) {
    const message = 'You cannot disable your own account. Ask another administrator.';
    throw new AppFailure('FORBIDDEN', message, { disabled: message });
  }
  const wasActiveAdministrator = target.role === 'administrator' && target.disabledAt === null;
  const staysActiveAdministrator = role === 'administrator' && !disabled;
  if (
    wasActiveAdministrator &&
    !staysActiveAdministrator &&
    users.activeAdministratorCount() <= 1
  ) {
    const field = role === 'administrator' ? 'disabled' : 'role';
    const message = `${target.displayName} is the last active administrator; make another user an administrator first.`;
    throw new AppFailure('CONFLICT', message, { [field]: message });
  }
  if (role === target.role && disabled === (target.disabledAt !== null)) return target;
  const disabledAt = disabled ? (target.disabledAt ?? context.now().toISOString()) : null;
  users.setAccount(target.id, role, disabledAt);
  context.audit.append({
    userId: admin.id,
    action: role !== target.role ? 'user.change-role' : disabled ? 'user.disable' : 'user.enable',
    entityType: 'user',
    entityId: target.id,
  });
  const updated = users.get(target.id);
  if (updated === null) throw new Error('user row missing after update');
  return updated;
}
