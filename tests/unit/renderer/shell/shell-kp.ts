// window.kp for the shell's component tests: the real core over a real encrypted vault in a temp
// folder (tests/helpers/vault-channel-harness.ts: cheap scrypt, a settable clock for auto-lock),
// behind a transport that copies each payload as JSON would.
import type { VaultGatewayOptions } from '../../../../electron/core/vault/vault-gateway';
import { buildKpApi } from '../../../../shared/ipc/api';
import type { KpApi } from '../../../../shared/ipc/api';
import { channelNames } from '../../../../shared/ipc/channels';
import type { ChannelName } from '../../../../shared/ipc/channels';
import { createChannelHarness } from '../../../helpers/vault-channel-harness';
import type { ChannelHarness } from '../../../helpers/vault-channel-harness';

export type ShellKp = { api: KpApi; harness: ChannelHarness; calls: ChannelName[] };

export function shellKp(
  options: Partial<VaultGatewayOptions> = {},
  coreOptions: Parameters<typeof createChannelHarness>[1] = {},
): ShellKp {
  const harness = createChannelHarness(options, coreOptions);
  const calls: ChannelName[] = [];
  const api = buildKpApi((channel, input) => {
    calls.push(channel);
    return harness.call(channel, JSON.parse(JSON.stringify(input ?? null)) as unknown);
  }, channelNames);
  return { api, harness, calls };
}
