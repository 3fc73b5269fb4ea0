// While an audit package is open, the core answers only the channels that read
// (shared/ipc/package-reading-access.ts) and refuses every other before it runs, with a typed
// error a reviewer understands: the package's records cannot be changed, and this computer's own
// vault stays locked until the package is closed. The temporary vault is query-only besides
// (PRAGMA query_only): this is the first wall, the database the second.
import { answersWhileReadingPackage } from '../../../shared/ipc/package-reading-access';
import { channelNames } from '../../../shared/ipc/channels';
import type { ChannelName } from '../../../shared/ipc/channels';
import { AppFailure } from '../app-failure';
import type { CoreHandlers } from '../ipc/core-handlers';

type AnyHandler = (input: unknown) => Promise<unknown>;

export function refuseWhileReadingPackage(
  handlers: CoreHandlers,
  isReading: () => Promise<boolean>,
): CoreHandlers {
  const guarded: Partial<Record<ChannelName, AnyHandler>> = {};
  for (const channel of channelNames) {
    const handler = handlers[channel] as AnyHandler;
    guarded[channel] = answersWhileReadingPackage(channel)
      ? handler
      : async (input) => {
          if (await isReading())
            throw new AppFailure(
              'AUDIT_PACKAGE_READ_ONLY',
              'An audit package is open for reading: nothing in it can be changed, and this computer’s vault stays locked. Close the package to work in your own vault.',
              { channel },
            );
          return handler(input);
        };
  }
  // Every channel was given a handler above, the original or its guarded wrapper.
  return guarded as CoreHandlers;
}
