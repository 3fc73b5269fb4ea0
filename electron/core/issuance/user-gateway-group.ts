// The vault gateway's `users` group: the accounts of the vault, listed, created and updated by
// the signed-in user (`asUser`); only an administrator may change them (issuance service).
import type { AsUser } from '../vault/gateway-calls';
import type { User } from '../vault/repositories/user-repository';

/** `onUpdated`: the gateway refreshes its signed-in user when the account updated is its own. */
export function userGatewayGroup(asUser: AsUser, onUpdated: (updated: User) => void) {
  return {
    list: asUser((s) => s.users.list()),
    create: asUser((s, actor, input) => s.issuance.createUser(actor, input)),
    update: asUser((s, actor, input) => {
      const updated = s.issuance.updateUser(actor, input);
      onUpdated(updated);
      return updated;
    }),
  };
}
