// audit:unlockCheck over the channels (the same path as Electron's IPC and the preview bridge):
// after a full verification (audit:verify) and a lock, the next unlock's check covers exactly
// the events written since the head it proved; nobody signed in gets nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
});
afterEach(() => h.dispose());

describe('audit:unlockCheck', () => {
  it('reports the events since the last full verification, checked at unlock', async () => {
    expect(await h.value('audit:unlockCheck')).toMatchObject({ state: 'unverified' });
    const report = await h.value<{ ok: boolean; head: { seq: number; hash: string } }>(
      'audit:verify',
    );
    expect(report.ok).toBe(true);
    await h.value('stock:register', { numbers: 'US10000-US10004' });
    await h.value('vault:lock');
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.signInAs('ada');
    // The record of the verification, the batch and the range of its five forms (one event).
    expect(await h.value('audit:unlockCheck')).toMatchObject({
      state: 'ok',
      from: { seq: report.head.seq, hash: report.head.hash, proof: 'full' },
      eventsChecked: 3,
    });
  });

  it('answers nobody signed in with AUTH_FAILED', async () => {
    await h.value('session:signOut');
    expect(await h.code('audit:unlockCheck')).toBe('AUTH_FAILED');
  });
});
