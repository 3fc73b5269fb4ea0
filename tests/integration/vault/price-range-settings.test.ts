// Rule 6's price ranges as vault settings (issue 16): settings:save keeps the usual US$ per carat
// of each HS code in the vault, audited; the validator uses them at once (the draft of the
// fixtures is US$ 1,200 per carat, 7102.31); bad ranges are refused naming the code and the box,
// and nothing changes; the defaults (public KP statistics) come back on reset.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPriceRanges } from '../../../shared/domain/validation-settings';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft } from '../../unit/domain/certificate-fixtures';

const base = {
  expiryMaxDays: 60,
  itnWarningDays: 30,
  retentionYears: 10,
  autoLockMinutes: 15,
  printerCalibration: { offsetXPt: 0, offsetYPt: 0 },
};
const dearer = {
  ...defaultPriceRanges,
  '7102.31': { minUsdPerCarat: 2_000, maxUsdPerCarat: 5_000 },
};

type Report = { findings: { code: string; field: string; severity: string; message: string }[] };

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
});
afterEach(() => h.dispose());

async function priceFindings() {
  const report = await h.value<Report>('certificates:validate', {
    certificate: validDraft(),
    purpose: 'draft',
  });
  return report.findings.filter((f) => f.code === 'VALUE_PER_CARAT_UNUSUAL');
}

describe('price ranges per HS code in the vault settings', () => {
  it('start at the defaults from public KP statistics', async () => {
    expect(await h.value('settings:get')).toMatchObject({
      pricePerCaratRanges: defaultPriceRanges,
      validation: { pricePerCaratRanges: defaultPriceRanges },
    });
    expect(await priceFindings()).toEqual([]);
  });

  it('are saved, audited, used by the validator at once, kept across locking, and reset', async () => {
    expect(await h.value('settings:save', { ...base, pricePerCaratRanges: dearer })).toMatchObject({
      pricePerCaratRanges: dearer,
      validation: { pricePerCaratRanges: dearer },
    });
    const [finding, ...more] = await priceFindings();
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', field: 'valueUsd' });
    expect(finding?.message).toContain('US$ 1,200.00 per carat');
    expect(finding?.message).toContain('US$ 2,000.00 to 5,000.00 per carat for 7102.31');
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });

    await h.value('vault:lock');
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.signInAs('ada');
    expect(await h.value('settings:get')).toMatchObject({ pricePerCaratRanges: dearer });
    expect(await priceFindings()).toHaveLength(1);

    // Reset to the defaults: the Settings form sends them back.
    await h.value('settings:save', { ...base, pricePerCaratRanges: defaultPriceRanges });
    expect(await priceFindings()).toEqual([]);
  });

  it.each([
    [
      { minUsdPerCarat: 5_000, maxUsdPerCarat: 2_000 },
      'maxUsdPerCarat',
      '7102.31: the lowest US$ per carat must be below the highest.',
    ],
    [
      { minUsdPerCarat: 0, maxUsdPerCarat: 2_000 },
      'minUsdPerCarat',
      '7102.31: the lowest US$ per carat must be above 0.',
    ],
    [
      { minUsdPerCarat: 5, maxUsdPerCarat: -1 },
      'maxUsdPerCarat',
      '7102.31: the highest US$ per carat must be above 0.',
    ],
  ])('refuses %o naming the code and the box; nothing changes', async (range, box, message) => {
    const refused = await h.call('settings:save', {
      ...base,
      pricePerCaratRanges: { ...defaultPriceRanges, '7102.31': range },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.fields).toEqual({
      [`pricePerCaratRanges.7102.31.${box}`]: message,
    });
    expect(await h.value('settings:get')).toMatchObject({
      saved: false,
      pricePerCaratRanges: defaultPriceRanges,
    });
  });
});
