import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCarats,
  formatCertificateDate,
  formatCountryOfOrigin,
  formatUsDollarsFromCents,
} from '../../../electron/core/documents/layout/format-certificate-values';

/** An independent oracle: BigInt arithmetic and a regex for the thousands separators. */
function viaBigInt(hundredths: number): string {
  const value = BigInt(hundredths);
  const whole = (value / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${(value % 100n).toString().padStart(2, '0')}`;
}

describe('money and carats from exact integers', () => {
  it('formats US$ from cents with thousands separators', () => {
    expect(formatUsDollarsFromCents(0)).toBe('US$ 0.00');
    expect(formatUsDollarsFromCents(5)).toBe('US$ 0.05');
    expect(formatUsDollarsFromCents(99)).toBe('US$ 0.99');
    expect(formatUsDollarsFromCents(100000)).toBe('US$ 1,000.00');
    expect(formatUsDollarsFromCents(1500000)).toBe('US$ 15,000.00');
    expect(formatUsDollarsFromCents(123456789012)).toBe('US$ 1,234,567,890.12');
    expect(formatUsDollarsFromCents(Number.MAX_SAFE_INTEGER)).toBe('US$ 90,071,992,547,409.91');
  });

  it('formats carats with two decimals', () => {
    expect(formatCarats(1250)).toBe('12.50');
    expect(formatCarats(1)).toBe('0.01');
    expect(formatCarats(100)).toBe('1.00');
    expect(formatCarats(123456789)).toBe('1,234,567.89');
  });

  it('agrees with BigInt arithmetic for every safe integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatCarats(n)).toBe(viaBigInt(n));
        expect(formatUsDollarsFromCents(n)).toBe(`US$ ${viaBigInt(n)}`);
      }),
    );
  });

  it('refuses amounts that are not exact non-negative integers', () => {
    for (const bad of [-1, 12.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])
      expect(() => formatUsDollarsFromCents(bad)).toThrow();
  });
});

describe('dates', () => {
  it('prints day, month name and year, which no reader can misread', () => {
    expect(formatCertificateDate('2026-11-27')).toBe('27 NOV 2026');
    expect(formatCertificateDate('2027-01-06')).toBe('06 JAN 2027');
    expect(formatCertificateDate('2028-02-29')).toBe('29 FEB 2028');
    expect(formatCertificateDate('2026-12-31')).toBe('31 DEC 2026');
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '27/11/2026', ''])
      expect(() => formatCertificateDate(bad)).toThrow(/calendar date/);
  });
});

describe('country of origin', () => {
  it('prints the code with the ISO name, and asterisks for mixed origin', () => {
    expect(formatCountryOfOrigin('CD')).toBe('CD – Congo, The Democratic Republic of the');
    expect(formatCountryOfOrigin('BW')).toBe('BW – Botswana');
    expect(formatCountryOfOrigin('****')).toBe('****');
  });
});
