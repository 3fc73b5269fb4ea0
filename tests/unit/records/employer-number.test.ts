// The licensee's TIN is an IRS EIN, NN-NNNNNNN (IRS Publication 1635): nine digits typed without
// the hyphen (or with a space) are the same number and are formatted, not refused (issue 16);
// anything else is still refused with the rule's message.
import { describe, expect, it } from 'vitest';
import { formatEmployerNumber } from '../../../shared/records/employer-number';
import { LicenseeProfileSchema } from '../../../shared/records/licensee-profile';

const profile = (tin: string) => ({
  legalName: 'Acme Rough Diamonds LLC',
  address: '580 Fifth Avenue, New York, NY 10036, United States',
  tin,
  isCommonCarrier: false,
});

describe('formatEmployerNumber', () => {
  it.each([
    ['123456789', '12-3456789'],
    [' 123456789 ', '12-3456789'],
    ['12 3456789', '12-3456789'],
    ['12-3456789', '12-3456789'],
  ])('reads %j as %s', (typed, formatted) => {
    expect(formatEmployerNumber(typed)).toBe(formatted);
  });

  it.each(['12345678', '1234567890', '123-456789', '12-345678A', ''])(
    'leaves %j as typed (not an EIN)',
    (typed) => {
      expect(formatEmployerNumber(typed)).toBe(typed.trim());
    },
  );
});

describe('LicenseeProfileSchema TIN (IRS Publication 1635)', () => {
  it('accepts nine digits and stores them as NN-NNNNNNN', () => {
    const parsed = LicenseeProfileSchema.safeParse(profile('123456789'));
    expect(parsed.success && parsed.data.tin).toBe('12-3456789');
  });

  it('refuses what is not nine digits, naming the form of the number', () => {
    const parsed = LicenseeProfileSchema.safeParse(profile('12345678'));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['tin', 'Enter the TIN (EIN) as NN-NNNNNNN, e.g. 12-3456789.'],
    ]);
  });
});
