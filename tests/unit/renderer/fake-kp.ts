// window.kp for component tests: the real core (createCoreHandlers + dispatchChannel, so the real
// contract parsing and the real shared rules) behind a fake transport that only copies the
// payload as JSON would, and records each call.
import { coreForTests } from '../../helpers/core-for-tests';
import { dispatchChannel } from '../../../electron/core/ipc/dispatch-channel';
import type { AppError } from '../../../shared/errors';
import { buildKpApi } from '../../../shared/ipc/api';
import type { KpApi } from '../../../shared/ipc/api';
import { channelNames } from '../../../shared/ipc/channels';
import type { ChannelName } from '../../../shared/ipc/channels';

export type FakeKp = { api: KpApi; calls: { channel: ChannelName; input: unknown }[] };

export function fakeKp(options: { failing?: Partial<Record<ChannelName, AppError>> } = {}): FakeKp {
  const handlers = coreForTests('preview', 'test');
  const calls: FakeKp['calls'] = [];
  const api = buildKpApi(async (channel, input) => {
    const copied: unknown = JSON.parse(JSON.stringify(input ?? null));
    calls.push({ channel, input: copied });
    const failure = options.failing?.[channel];
    if (failure !== undefined) return { ok: false, error: failure };
    return dispatchChannel(handlers, channel, copied, () => undefined);
  }, channelNames);
  return { api, calls };
}
