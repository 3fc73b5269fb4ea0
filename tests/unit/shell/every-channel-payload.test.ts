// Issue 13 part 5 on every channel, the newer ones included (the walk goes over channelNames, so a
// channel added later is covered without a line here): a payload over the IPC size cap is refused
// by its length before it is parsed, and a payload with thousands of unknown keys, at the top or
// inside a nested object, gets a short refusal that lists at most five of them. Driven through a
// fake ipcMain and handle(), with the real core behind it.
import { describe, expect, it, vi } from 'vitest';
import { MAX_LISTED_UNKNOWN_KEYS } from '../../../electron/core/ipc/dispatch-channel';
import type { InvokeEventLike, InvokeListener, IpcMainLike } from '../../../electron/ipc/handle';
import { registerHandlers } from '../../../electron/ipc/register-handlers';
import type { ChannelName } from '../../../shared/ipc/channels';
import { channelNames } from '../../../shared/ipc/channels';
import { MAX_IPC_PAYLOAD_CHARS } from '../../../shared/ipc/ipc-payload';
import type { Result } from '../../../shared/result';
import { coreForTests } from '../../helpers/core-for-tests';

const trusted: InvokeEventLike = { senderFrame: { url: 'app://kpdesk/index.html' } };

function setup() {
  const listeners = new Map<string, InvokeListener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      listeners.set(channel, listener);
    },
  };
  const core = coreForTests('electron', '9.9.9');
  // Every handler counted: a refused payload must never reach one.
  const calls = vi.fn();
  const counted = Object.fromEntries(
    Object.entries(core).map(([channel, handler]) => [
      channel,
      (input: unknown) => {
        calls(channel);
        return (handler as (input: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as typeof core;
  registerHandlers(ipcMain, counted, () => undefined);
  const send = (channel: ChannelName, payload: string): Promise<Result<unknown>> => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener(trusted, payload);
  };
  return { send, calls };
}

/** `{ "k0": 1, ... }` with `count` keys, written as text. */
function manyKeys(count: number, prefix = 'k'): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) parts.push(`"${prefix}${String(i)}":1`);
  return `{${parts.join(',')}}`;
}

describe('every channel against oversized and hostile payloads (issue 13 part 5)', () => {
  it('refuses a payload over the cap by its length, on every channel, calling no handler', async () => {
    const { send, calls } = setup();
    const oversized = `{"x":"${'a'.repeat(MAX_IPC_PAYLOAD_CHARS)}"}`;
    for (const channel of channelNames) {
      const answer = await send(channel, oversized);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(!answer.ok && answer.error.message, channel).toMatch(/larger than KP Desk accepts/);
      expect(JSON.stringify(answer).length, channel).toBeLessThan(1_000);
    }
    expect(calls).not.toHaveBeenCalled();
  });

  it('answers 2,000 unknown keys on every channel briefly, naming at most five', async () => {
    const { send, calls } = setup();
    const payload = manyKeys(2_000);
    expect(payload.length).toBeLessThan(MAX_IPC_PAYLOAD_CHARS);
    for (const channel of channelNames) {
      const answer = await send(channel, payload);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const text = JSON.stringify(answer);
      expect(text.length, `${channel}: ${text.slice(0, 300)}`).toBeLessThan(4_000);
      const named = new Set(text.match(/\bk\d+\b/g) ?? []);
      expect(named.size, channel).toBeLessThanOrEqual(MAX_LISTED_UNKNOWN_KEYS);
    }
    expect(calls).not.toHaveBeenCalled();
  });

  it.each([
    ['incoming:register', (keys: string) => `{"certificate":{"importer":${keys},"exporter":{}}}`],
    [
      'identity:replaceKeys',
      (keys: string) => `{"reason":"The computer was replaced.","confirm":true,"x":${keys}}`,
    ],
    ['auditPackage:export', (keys: string) => `{"passphrase":"a long passphrase","extra":${keys}}`],
    [
      'submissions:saveRecipientChannel',
      (keys: string) => `{"recipient":"census","channel":"manual","more":${keys}}`,
    ],
  ] as const)('bounds unknown keys nested inside %s', async (channel, wrap) => {
    const { send, calls } = setup();
    const answer = await send(channel, wrap(manyKeys(20_000, 'n')));
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const text = JSON.stringify(answer);
    expect(text.length).toBeLessThan(4_000);
    expect(new Set(text.match(/\bn\d+\b/g) ?? []).size).toBeLessThanOrEqual(
      MAX_LISTED_UNKNOWN_KEYS,
    );
    expect(calls).not.toHaveBeenCalled();
  });
});
