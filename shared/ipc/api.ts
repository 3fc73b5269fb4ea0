// The type of window.kp, derived from the contract: kp.<namespace>.<verb>(input) for every
// channel `namespace:verb`. The preload (Electron) and the preview bridge client both build an
// object of this type; the renderer sees nothing else of the other processes.
import type { Result } from '../result';
import { splitChannel } from './channels';
import type { ChannelName, ChannelNamespace, ChannelVerb } from './channels';
import type { ChannelInput, ChannelOutput } from './contract';

type ChannelOf<N extends string, V extends string> = Extract<ChannelName, `${N}:${V}`>;

export type KpApi = {
  [N in ChannelNamespace<ChannelName>]: {
    [V in ChannelVerb<Extract<ChannelName, `${N}:${string}`>>]: (
      input: ChannelInput<ChannelOf<N, V>>,
    ) => Promise<Result<ChannelOutput<ChannelOf<N, V>>>>;
  };
};

/** Builds the namespaced API object from one function that invokes a channel. */
export function buildKpApi(
  invoke: (channel: ChannelName, input: unknown) => Promise<unknown>,
  channels: readonly ChannelName[],
): KpApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [namespace, verb] = splitChannel(channel);
    api[namespace] ??= {};
    api[namespace][verb] = (input: unknown) => invoke(channel, input);
  }
  // The mapped type above is built from the same list, so this shape matches KpApi.
  return api as unknown as KpApi;
}
