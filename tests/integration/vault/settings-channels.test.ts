// settings:get and settings:save: the settings live in the vault; get answers while locked (the
// defaults) and, once open, to a signed-in user; save is for administrators, audited, checked field by field, and applies at once:
// the rules use the new expiry limit, the gateway the new auto-lock time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft } from '../../unit/domain/certificate-fixtures';

const defaults = {
  expiryMaxDays: 60,
  itnWarningDays: 30,
  retentionYears: 10,
  autoLockMinutes: 15,
  printerCalibration: { offsetXPt: 0, offsetYPt: 0 },
};
const changed = {
  expiryMaxDays: 30,
  itnWarningDays: 10,
  retentionYears: 12,
  autoLockMinutes: 5,
  printerCalibration: { offsetXPt: -3.5, offsetYPt: 2 },
};

let h: ChannelHarness;
beforeEach(() => {
  h = createChannelHarness();
});
afterEach(() => h.dispose());

describe('settings:get', () => {
  it('answers the defaults while there is no vault or it is locked', async () => {
    expect(await h.value('settings:get')).toMatchObject({
      ...defaults,
      saved: false,
      validation: { expiryMaxDays: 60, itnMaxDaysFromIssue: 30 },
    });
  });
});

describe('settings:save', () => {
  beforeEach(async () => {
    await h.firstRun();
  });

  it('stores the settings in the vault, audited; they survive locking', async () => {
    expect(await h.value('settings:save', changed)).toMatchObject({
      ...changed,
      saved: true,
      validation: { expiryMaxDays: 30, itnMaxDaysFromIssue: 10 },
    });
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
    await h.value('vault:lock');
    expect(await h.value('settings:get')).toMatchObject({ ...defaults, saved: false });
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    // Once open, the vault's settings are for a signed-in user only.
    expect(await h.code('settings:get')).toBe('AUTH_FAILED');
    await h.signInAs('ada');
    expect(await h.value('settings:get')).toMatchObject({ ...changed, saved: true });
  });

  it('keeps the expiry mode: "exactly 60 days" refuses a shorter validity (31 CFR 592.307(e))', async () => {
    const exactly = { ...changed, expiryMaxDays: 60, expiryMode: 'exactly' };
    expect(await h.value('settings:save', exactly)).toMatchObject({
      expiryMode: 'exactly',
      validation: { expiryMaxDays: 60, expiryMode: 'exactly' },
    });
    const draft = { ...validDraft(), dateOfExpiry: '2027-01-10' };
    const codes = async () =>
      (
        await h.value<{ findings: { code: string }[] }>('certificates:validate', {
          certificate: draft,
          purpose: 'draft',
        })
      ).findings.map((f) => f.code);
    expect(await codes()).toEqual(['EXPIRY_NOT_EXACT']);
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
    await h.value('settings:save', { ...exactly, expiryMode: 'at-most' });
    expect(await codes()).toEqual([]);
    await h.value('settings:save', exactly);
    await h.value('vault:lock');
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.signInAs('ada');
    expect(await h.value('settings:get')).toMatchObject({ expiryMode: 'exactly', saved: true });
  });

  it('applies the rule settings at once: a 60-day expiry breaks a 30-day limit', async () => {
    const draft = validDraft(); // issued 2026-11-27, expires 2027-01-26 (60 days)
    const before = await h.value<{ errorCount: number }>('certificates:validate', {
      certificate: draft,
    });
    await h.value('settings:save', changed);
    const after = await h.value<{ errorCount: number; findings: { field: string }[] }>(
      'certificates:validate',
      { certificate: draft },
    );
    expect(after.errorCount).toBeGreaterThan(before.errorCount);
    expect(after.findings.map((f) => f.field)).toContain('dateOfExpiry');
  });

  it('applies the auto-lock time at once', async () => {
    await h.value('settings:save', changed);
    h.clock.now = new Date(h.clock.now.getTime() + 6 * 60_000);
    expect(await h.value('vault:status')).toMatchObject({ vault: 'locked' });
  });

  it('is for administrators only, and refuses bad values naming the field; nothing changes', async () => {
    const refused = await h.call('settings:save', { ...changed, retentionYears: 4 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.fields).toEqual({
      retentionYears: expect.stringContaining('15 CFR 30.10') as string,
    });
    expect(
      await h.code('settings:save', {
        ...changed,
        printerCalibration: { offsetXPt: 80, offsetYPt: 0 },
      }),
    ).toBe('INVALID_INPUT');
    expect(await h.code('settings:save', { ...changed, autoLockMinutes: 0 })).toBe('INVALID_INPUT');
    expect(await h.code('settings:save', { expiryMaxDays: 30 })).toBe('INVALID_INPUT');
    await h.addUser('otto', 'operator');
    await h.signInAs('otto');
    expect(await h.code('settings:save', changed)).toBe('FORBIDDEN');
    expect(await h.value('settings:get')).toMatchObject({ ...defaults, saved: false });
  });
});
