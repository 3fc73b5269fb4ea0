// The two call wrappers the vault gateway (vault-gateway.ts) hands to its groups, typed once so
// that every `*-gateway-group.ts` takes the same ones.
import type { Actor } from '../issuance/actor';
import type { VaultServices } from './vault-services';

/** A call made by the signed-in user over the open records; roles are checked by the services. */
export type AsUser = <R>(
  call: (services: VaultServices, actor: Actor, input: unknown) => R,
) => (input: unknown) => R;

/** A call that may queue copies, followed by a background delivery pass (issue 12). */
export type ThenDeliver = <R>(call: (input: unknown) => R) => (input: unknown) => R;
