// 31 CFR 592.307(h)-(i): the true weight and the value in US$. A US$ per carat far outside the
// usual range for the HS code (settings; defaults from KPCS statistics) is a warning naming the
// figure; an amount in another currency is refused as "must be US dollars".
import { describe, expect, it } from 'vitest';
import { readHundredths } from '../../../shared/domain/decimal';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import type { ValidationContext } from '../../../shared/domain/validation-report';
import {
  ValidationSettingsSchema,
  defaultValidationSettings,
} from '../../../shared/domain/validation-settings';
import { draftWith, issueContext } from './certificate-fixtures';

type Patch = Parameters<typeof draftWith>[0];
const found = (patch: Patch, context: ValidationContext = issueContext) =>
  validateCertificate(draftWith(patch), context).findings;

describe('US$ per carat against the usual range (31 CFR 592.307(h)-(i))', () => {
  it('warns, naming the figure, when a decimal point slipped in the weight', () => {
    // 1.25 ct for US$ 15,000 non-industrial is US$ 12,000 per carat: usual. 0.0125 is not possible,
    // so slip the value instead: US$ 1,500,000 for 12.50 ct = US$ 120,000 per carat.
    const [only, ...rest] = found({ valueUsd: '1500000.00' });
    expect(rest).toEqual([]);
    expect([only?.code, only?.field, only?.severity]).toEqual([
      'VALUE_PER_CARAT_UNUSUAL',
      'valueUsd',
      'warning',
    ]);
    expect(only?.message).toContain('US$ 120,000.00 per carat');
    expect(only?.message).toContain('7102.31');
    expect(only?.message).toContain('above');
    expect(only?.source).toContain('31 CFR 592.307(h)-(i)');
  });

  it('warns when far below the range (industrial price on a gem code, or carats in grams)', () => {
    const [only] = found({ valueUsd: '40.00' }); // US$ 3.20 per carat for 7102.31
    expect(only?.code).toBe('VALUE_PER_CARAT_UNUSUAL');
    expect(only?.message).toContain('US$ 3.20 per carat');
    expect(only?.message).toContain('below');
  });

  it('judges each HS code by its own range', () => {
    // US$ 1,200 per carat: usual for non-industrial and unsorted, not for industrial diamonds.
    expect(found({ hsCodes: ['7102.31'] })).toEqual([]);
    expect(found({ hsCodes: ['7102.10'] })).toEqual([]);
    expect(found({ hsCodes: ['7102.21'] }).map((f) => f.code)).toEqual(['VALUE_PER_CARAT_UNUSUAL']);
    expect(found({ hsCodes: ['7102.21'], valueUsd: '125.00' })).toEqual([]);
  });

  it('takes the ranges from the settings', () => {
    const narrow = ValidationSettingsSchema.parse({
      pricePerCaratRanges: {
        ...defaultValidationSettings.pricePerCaratRanges,
        '7102.31': { minUsdPerCarat: 2000, maxUsdPerCarat: 9000 },
      },
    });
    const context = { ...issueContext, settings: narrow };
    expect(found({}, context).map((f) => f.code)).toEqual(['VALUE_PER_CARAT_UNUSUAL']);
    expect(found({ valueUsd: '50000.00' }, context)).toEqual([]);
    expect(
      ValidationSettingsSchema.safeParse({
        pricePerCaratRanges: {
          ...defaultValidationSettings.pricePerCaratRanges,
          '7102.31': { minUsdPerCarat: 9000, maxUsdPerCarat: 2000 },
        },
      }).success,
    ).toBe(false);
  });

  it('says nothing while the weight, the value or the code is not readable yet', () => {
    expect(found({ carats: '' }).map((f) => f.code)).toEqual(['CARATS_MISSING']);
    expect(found({ hsCodes: [] }).map((f) => f.code)).toEqual(['HS_MISSING']);
  });
});

describe('the value is in US dollars (31 CFR 592.307(i))', () => {
  it.each([
    '€15000',
    '15000 EUR',
    '15.000,00 €',
    'GBP 15,000.00',
    '£15000',
    'CHF 15000',
    'HK$ 15000',
    'C$15000',
    '₹ 15000',
    '15000 AED',
    '15000 euros',
    'R$ 15000',
    '¥15000',
  ])('refuses %s as "must be US dollars"', (valueUsd) => {
    const [only, ...rest] = found({ valueUsd });
    expect(rest).toEqual([]);
    expect([only?.code, only?.field, only?.severity]).toEqual([
      'VALUE_NOT_USD',
      'valueUsd',
      'error',
    ]);
    expect(only?.message).toContain('must be in US dollars');
    expect(only?.source).toBe('31 CFR 592.307(i)');
  });

  it.each([
    '15000.00',
    '$15,000.00',
    'US$ 15000',
    'US $15000.00',
    'USD 15000',
    '15000 USD',
    '15,000.00 US$',
    'U.S. $15000',
    '15000 US dollars',
  ])('accepts %s as US$ 15,000.00', (valueUsd) => {
    expect(readHundredths(valueUsd)).toEqual({ kind: 'ok', hundredths: 1_500_000 });
    expect(found({ valueUsd })).toEqual([]);
  });

  it('still calls several amounts several amounts', () => {
    expect(found({ valueUsd: '12000, 3000' }).map((f) => f.code)).toEqual(['VALUE_MULTIPLE']);
  });

  it('refuses a currency on the carat weight as a format error', () => {
    expect(found({ carats: '€12.50' }).map((f) => f.code)).toEqual(['CARATS_FORMAT']);
  });
});
