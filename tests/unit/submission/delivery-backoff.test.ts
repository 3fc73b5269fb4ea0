// The retry delays: exponential from the base, capped, with half of each delay random (never
// below half), and an agency's Retry-After honoured when it asks for longer (capped at a day).
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultBackoff } from '../../../electron/core/submission/delivery-backoff';

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe('backoffDelayMs', () => {
  it('doubles per attempt between half and all of the ceiling, up to the cap', () => {
    const low = [1, 2, 3, 4, 8].map((attempt) => backoffDelayMs(attempt, policy, () => 0));
    const high = [1, 2, 3, 4, 8].map((attempt) => backoffDelayMs(attempt, policy, () => 0.999_999));
    expect(low).toEqual([500, 1_000, 2_000, 4_000, 30_000]);
    expect(high).toEqual([1_000, 2_000, 4_000, 8_000, 60_000]);
    expect(backoffDelayMs(1_000, policy, () => 0.5)).toBe(45_000);
  });

  it('spreads retries with the random source', () => {
    const delays = new Set(
      Array.from({ length: 20 }, (_, i) => backoffDelayMs(5, policy, () => i / 20)),
    );
    expect(delays.size).toBe(20);
  });

  it('honours a longer Retry-After, never a shorter one, and never beyond a day', () => {
    expect(backoffDelayMs(1, policy, () => 0, 120_000)).toBe(120_000);
    expect(backoffDelayMs(1, policy, () => 0, 10)).toBe(500);
    expect(backoffDelayMs(1, policy, () => 0, 10 * 86_400_000)).toBe(86_400_000);
  });

  it('starts at 30 s and stops growing at one hour by default', () => {
    expect(backoffDelayMs(1, defaultBackoff, () => 0.999_999)).toBe(30_000);
    expect(backoffDelayMs(50, defaultBackoff, () => 0)).toBe(1_800_000);
  });
});
