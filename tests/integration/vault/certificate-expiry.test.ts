// An issued certificate not shipped by its date of expiry becomes EXPIRED on its own (31 CFR
// 592.307(e)): when the vault is unlocked and when someone signs in, with the local date of the
// vault's (main's) clock, each in its own audited transaction by KP Desk (no user). On a real
// vault: the fixture is issued 2026-11-27 with expiry 2027-01-26 (valid through that day).
import { afterEach, describe, expect, it } from 'vitest';
import { unlockVault } from '../../../electron/core/vault/keys/unlock-vault';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft } from '../../unit/domain/certificate-fixtures';

type Record = { id: number; state: string; expiredAt: string | null; version: number };
type Event = { action: string; userId: number | null };

// Noon UTC: the same calendar day in (almost) every time zone the tests may run in.
const LAST_VALID_DAY = new Date('2027-01-26T12:00:00Z');
const DAY_AFTER = new Date('2027-01-27T12:00:00Z');

let h: ChannelHarness;
afterEach(() => h.dispose());

async function reopen(at: Date): Promise<void> {
  await h.value('vault:lock');
  h.clock.now = at;
  await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await h.signInAs('ada');
}

/** A second certificate on US12346, issued like the fixture; then shipped if asked. */
async function issueSecond(ship: boolean): Promise<number> {
  const draft = await h.value<{ id: number }>('certificates:createDraft', {
    number: 'US12346',
    draft: { ...validDraft(), number: 'US12346' },
  });
  await h.value('certificates:recordItn', { id: draft.id, itn: 'X20261127123457' });
  await h.value('certificates:issue', {
    id: draft.id,
    attested: true,
    packaging: { description: '2 parcels in a sealed box', sealNumbers: ['S-2'] },
    warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-2'] },
  });
  // Shipped the day it was issued: the harness's clock stands on 2026-11-27 (rule 8).
  if (ship) await h.value('certificates:ship', { id: draft.id, shipDate: '2026-11-27' });
  return draft.id;
}

describe('expiry of issued certificates', () => {
  it('expires an overdue issued certificate at unlock, audited, and only after its last day', async () => {
    h = createChannelHarness();
    await h.firstRun();
    const id = await h.issueFixture();
    const shippedId = await issueSecond(true);

    await reopen(LAST_VALID_DAY);
    expect(await h.value<Record>('certificates:get', { id })).toMatchObject({ state: 'ISSUED' });

    // Unlocking alone expires it (no one signed in): read straight from the vault file.
    await h.value('vault:lock');
    h.clock.now = DAY_AFTER;
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.value('vault:lock');
    const db = await unlockVault({ dir: h.dataDir, secret: { passphrase: HARNESS_PASSPHRASE } });
    try {
      const state = db.prepare('SELECT state FROM certificates WHERE id = ?').pluck().get(id);
      expect(state).toBe('EXPIRED');
    } finally {
      db.close();
    }

    await reopen(DAY_AFTER);
    const expired = await h.value<Record>('certificates:get', { id });
    expect(expired).toMatchObject({ state: 'EXPIRED', expiredAt: DAY_AFTER.toISOString() });
    const timeline = await h.value<Event[]>('certificates:timeline', { id });
    expect(timeline.at(-1)).toMatchObject({ action: 'certificate.expire', userId: null });
    // Shipped before its expiry: it travelled on a valid certificate and stays as it is.
    expect(await h.value<Record>('certificates:get', { id: shippedId })).toMatchObject({
      state: 'SHIPPED',
    });
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });

    // Expired once: a later unlock records nothing more, and it can no longer travel.
    await reopen(new Date('2027-02-10T12:00:00Z'));
    expect(await h.value<Event[]>('certificates:timeline', { id })).toEqual(timeline);
    const refused = await h.call('certificates:ship', { id, shipDate: '2027-02-10' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(!refused.ok && refused.error.message).toMatch(/expired/);
  });

  it('expires at sign-in what became overdue while the vault stayed open', async () => {
    // Auto-lock far away, so the vault stays open across the day boundary.
    h = createChannelHarness({ autoLockMinutes: 200_000 });
    await h.firstRun();
    const id = await h.issueFixture();
    h.clock.now = DAY_AFTER;
    expect(await h.value<Record>('certificates:get', { id })).toMatchObject({ state: 'ISSUED' });
    await h.value('session:signOut');
    await h.signInAs('ada');
    expect(await h.value<Record>('certificates:get', { id })).toMatchObject({ state: 'EXPIRED' });
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });
});
