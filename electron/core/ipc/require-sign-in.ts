// Puts the channel-access table (shared/ipc/channel-access.ts) in front of the handlers: a
// channel that needs a signed-in user asks the vault first (VAULT_LOCKED or AUTH_FAILED), so a
// handler that forgets its own check still cannot serve a record to nobody. The handlers keep
// their own checks (role, recovery key confirmed) in the call that does the work: between this
// check and that call the user may sign out, and the second check is the one that counts.
import { channelNames } from '../../../shared/ipc/channels';
import type { ChannelName } from '../../../shared/ipc/channels';
import { needsSignedInUser } from '../../../shared/ipc/channel-access';
import type { CoreHandlers } from './core-handlers';

type AnyHandler = (input: unknown) => Promise<unknown>;

export function requireSignIn(
  handlers: CoreHandlers,
  requireSignedIn: () => Promise<void>,
): CoreHandlers {
  const guarded: Partial<Record<ChannelName, AnyHandler>> = {};
  for (const channel of channelNames) {
    const handler = handlers[channel] as AnyHandler;
    guarded[channel] = needsSignedInUser(channel)
      ? async (input) => {
          await requireSignedIn();
          return handler(input);
        }
      : handler;
  }
  // Every channel name was given a handler above, each the original or its guarded wrapper.
  return guarded as CoreHandlers;
}
