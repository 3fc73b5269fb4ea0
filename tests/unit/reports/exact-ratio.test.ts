// Display rounding of shares and US$ per carat: half-up at exactly .005, never through a float.
import { describe, expect, it } from 'vitest';
import {
  formatHundredthsBig,
  sharePercent,
  usdPerCarat,
} from '../../../shared/reports/exact-ratio';

describe('sharePercent', () => {
  it('rounds half-up at exactly .005 and down just below it', () => {
    // 1/8 = 12.5 % exactly; 1/16 = 6.25 %; 1/32 = 3.125 % → 3.13 (half-up), 1/64 = 1.5625 → 1.56.
    expect(sharePercent(1n, 8n)).toBe('12.50');
    expect(sharePercent(1n, 32n)).toBe('3.13');
    expect(sharePercent(1n, 64n)).toBe('1.56');
    // 0.005 % exactly: 1 / 20,000 → 0.01; one part in 20,001 is below it → 0.00.
    expect(sharePercent(1n, 20_000n)).toBe('0.01');
    expect(sharePercent(1n, 20_001n)).toBe('0.00');
    // 2/3 = 66.666… → 66.67; 1/3 → 33.33.
    expect(sharePercent(2n, 3n)).toBe('66.67');
    expect(sharePercent(1n, 3n)).toBe('33.33');
    expect(sharePercent(7n, 7n)).toBe('100.00');
  });

  it('where a float is wrong, stays exact: 1.005 % of a whole', () => {
    // 1.005 as a double is 1.00499999…; Math.round(1.005 * 100) / 100 gives 1.00. Here: 1.01.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(sharePercent(1_005n, 100_000n)).toBe('1.01');
  });

  it('has no share of nothing', () => {
    expect(sharePercent(0n, 0n)).toBeNull();
  });

  it('stays exact beyond the range of a double', () => {
    const whole = 3n * 10n ** 20n;
    expect(sharePercent(10n ** 20n, whole)).toBe('33.33');
  });
});

describe('usdPerCarat', () => {
  it('divides cents by carat hundredths to the cent, half-up', () => {
    expect(usdPerCarat(1_500_000n, 1_250n)).toBe('1200.00'); // US$15,000 / 12.50 ct
    expect(usdPerCarat(1n, 200n)).toBe('0.01'); // US$0.01 / 2 ct = 0.005 → 0.01
    expect(usdPerCarat(1n, 201n)).toBe('0.00');
    expect(usdPerCarat(100n, 3n)).toBe('33.33'); // US$1 / 0.03 ct
    expect(usdPerCarat(200n, 3n)).toBe('66.67');
  });

  it('has no average without carats', () => {
    expect(usdPerCarat(0n, 0n)).toBeNull();
  });
});

describe('formatHundredthsBig', () => {
  it('writes hundredths with two decimals and no separators', () => {
    expect(formatHundredthsBig(0n)).toBe('0.00');
    expect(formatHundredthsBig(5n)).toBe('0.05');
    expect(formatHundredthsBig(123_456_789n)).toBe('1234567.89');
    expect(formatHundredthsBig(10n ** 20n + 1n)).toBe('1000000000000000000.01');
  });
});
