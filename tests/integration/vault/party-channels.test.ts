// The address book over the channels: parties:save adds or replaces an entry (operators and
// administrators, audited), parties:list finds entries by kind and name prefix (any signed-in user).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';

type Party = { id: number; kind: string; name: string; country: string; updatedAt: string };

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
});
afterEach(() => h.dispose());

const antwerp = {
  kind: 'consignee',
  name: 'Antwerp Diamond Bank NV',
  address: 'Pelikaanstraat 62, 2018 Antwerpen, Belgium',
  country: 'be',
};

describe('parties:save and parties:list', () => {
  it('adds, finds by prefix and kind, and replaces an entry; each change audited', async () => {
    const saved = await h.value<Party>('parties:save', antwerp);
    expect(saved).toMatchObject({
      id: expect.any(Number) as number,
      country: 'BE',
      kind: 'consignee',
    });
    await h.value('parties:save', {
      kind: 'exporter',
      name: 'Antwerp Exporters LLC',
      address: '1 Main St, New York, NY 10001, United States',
      country: 'US',
    });
    await h.value('parties:save', { ...antwerp, name: 'Brussels Trading SA' });

    const byPrefix = await h.value<Party[]>('parties:list', { prefix: 'antw' });
    expect(byPrefix.map((p) => p.name)).toEqual([
      'Antwerp Diamond Bank NV',
      'Antwerp Exporters LLC',
    ]);
    const consignees = await h.value<Party[]>('parties:list', { kind: 'consignee' });
    expect(consignees.map((p) => p.name)).toEqual([
      'Antwerp Diamond Bank NV',
      'Brussels Trading SA',
    ]);

    h.clock.now = new Date('2026-11-27T10:05:00Z');
    const renamed = await h.value<Party>('parties:save', {
      ...antwerp,
      id: saved.id,
      name: 'ADB Antwerp NV',
    });
    expect(renamed).toMatchObject({ id: saved.id, name: 'ADB Antwerp NV' });
    expect(renamed.updatedAt).toBe('2026-11-27T10:05:00.000Z');
    expect(await h.value<Party[]>('parties:list', { prefix: 'ADB' })).toHaveLength(1);
    expect(await h.value('audit:verify')).toMatchObject({
      ok: true,
      eventsChecked: expect.any(Number) as number,
    });
  });

  it('refuses bad input naming the field, an unknown id, and a reviewer; nothing changes', async () => {
    await h.addUser('rita', 'reviewer');
    const missing = await h.call('parties:save', { ...antwerp, country: 'Belgium' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!missing.ok && Object.keys(missing.error.fields ?? {})).toEqual(['country']);
    expect(await h.code('parties:save', { ...antwerp, name: '  ' })).toBe('INVALID_INPUT');
    expect(await h.code('parties:save', { ...antwerp, id: 999 })).toBe('NOT_FOUND');
    expect(await h.code('parties:save', { ...antwerp, extra: 1 })).toBe('INVALID_INPUT');
    expect(await h.value('parties:list', {})).toEqual([]);

    await h.signInAs('rita');
    expect(await h.code('parties:save', antwerp)).toBe('FORBIDDEN');
    expect(await h.value('parties:list', { prefix: '' })).toEqual([]);
  });
});
