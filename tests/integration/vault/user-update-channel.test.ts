// users:update: administrators change roles and disable accounts; the vault always keeps an active
// administrator, nobody disables themself, and a disabled user can neither sign in nor go on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSWORD, createChannelHarness } from '../../helpers/vault-channel-harness';

let h: ChannelHarness;
let adaId: number;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
  const status = await h.value<{ user: { userId: number } }>('vault:status');
  adaId = status.user.userId;
});
afterEach(() => h.dispose());

describe('users:update', () => {
  it('changes a role and disables and enables an account, each audited', async () => {
    const otto = await h.addUser('otto', 'operator');
    expect(await h.value('users:update', { id: otto, role: 'reviewer' })).toMatchObject({
      id: otto,
      role: 'reviewer',
      disabledAt: null,
    });
    expect(await h.value('users:update', { id: otto, disabled: true })).toMatchObject({
      disabledAt: '2026-11-27T10:00:00.000Z',
    });
    await h.value('session:signOut');
    expect(await h.code('session:signIn', { username: 'otto', password: HARNESS_PASSWORD })).toBe(
      'AUTH_FAILED',
    );
    await h.signInAs('ada');
    expect(await h.value('users:update', { id: otto, disabled: false })).toMatchObject({
      disabledAt: null,
    });
    await h.signInAs('otto');
    expect(await h.value('vault:status')).toMatchObject({ user: { role: 'reviewer' } });
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });

  it('never leaves the vault without an active administrator', async () => {
    const lastRole = await h.call('users:update', { id: adaId, role: 'operator' });
    expect(lastRole).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        fields: { role: expect.stringMatching(/last active administrator/) as string },
      },
    });
    const self = await h.call('users:update', { id: adaId, disabled: true });
    expect(self).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { disabled: expect.any(String) as string } },
    });

    // With a second administrator, ada may step down; then grace is the last one.
    const grace = await h.addUser('grace', 'administrator');
    expect(await h.value('users:update', { id: adaId, role: 'operator' })).toMatchObject({
      role: 'operator',
    });
    expect(await h.value('vault:status')).toMatchObject({ user: { role: 'operator' } });
    expect(
      await h.code('users:create', {
        username: 'x1x',
        displayName: 'X',
        role: 'operator',
        password: HARNESS_PASSWORD,
      }),
    ).toBe('FORBIDDEN');
    await h.signInAs('grace');
    expect(await h.code('users:update', { id: grace, role: 'reviewer' })).toBe('CONFLICT');
    expect(await h.code('users:update', { id: grace, disabled: true })).toBe('FORBIDDEN');
  });

  it('refuses non-administrators, unknown users and bad input, and changes nothing', async () => {
    const otto = await h.addUser('otto', 'operator');
    const before = await h.value('users:list');
    expect(await h.code('users:update', { id: otto })).toBe('INVALID_INPUT');
    expect(await h.code('users:update', { id: otto, role: 'superuser' })).toBe('INVALID_INPUT');
    expect(await h.code('users:update', { id: 999, disabled: true })).toBe('NOT_FOUND');
    await h.signInAs('otto');
    expect(await h.code('users:update', { id: adaId, disabled: true })).toBe('FORBIDDEN');
    expect(await h.code('users:update', { id: otto, role: 'administrator' })).toBe('FORBIDDEN');
    await h.signInAs('ada');
    expect(await h.value('users:list')).toEqual(before);
  });
});
