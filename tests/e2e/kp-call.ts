// window.kp called in the page, as the renderer calls it: for e2e steps that set up what the
// test is not about (a signing identity, a signed or shipped certificate) or that ask the core
// directly. kpCall is typed by the IPC contract and fails the test on a refusal, naming the
// channel; kpAnswer returns the answer as given, for tests of the core's own refusals.
import type { Page } from '@playwright/test';
import type { ChannelName } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';

export type KpAnswer = { ok: boolean; value?: unknown; error?: unknown };

/** The answer of one window.kp call, ok or not; `input` is sent unchecked. */
export async function kpAnswer(
  page: Page,
  channel: ChannelName,
  input: unknown,
): Promise<KpAnswer> {
  return page.evaluate(
    async ({ name, payload }) => {
      const [namespace = '', verb = ''] = name.split(':');
      const kp = (window as Window & { kp?: unknown }).kp as Record<
        string,
        Record<string, (input: unknown) => Promise<KpAnswer>>
      >;
      const call = kp[namespace]?.[verb];
      if (call === undefined) throw new Error(`window.kp has no ${name}`);
      return call(payload);
    },
    { name: channel, payload: input },
  );
}

/** One window.kp call; a refused call fails the test. */
export async function kpCall<C extends ChannelName>(
  page: Page,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const answer = await kpAnswer(page, channel, input);
  if (!answer.ok) throw new Error(`${channel} refused: ${JSON.stringify(answer.error)}`);
  return answer.value as ChannelOutput<C>;
}
