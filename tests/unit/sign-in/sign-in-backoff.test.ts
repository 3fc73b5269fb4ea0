// The backoff schedule itself: three free failures, then a wait that doubles from 1 s to a cap of
// 15 minutes, measured from the last failure on the caller's clock.
import { describe, expect, it } from 'vitest';
import {
  MAX_DELAY_MS,
  backoffDelayMs,
  describeWait,
  remainingWaitMs,
} from '../../../electron/core/sign-in/sign-in-backoff';

describe('backoffDelayMs', () => {
  it('doubles after three free failures, up to 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12, 13, 14, 1000].map(backoffDelayMs)).toEqual([
      0,
      0,
      0,
      1_000,
      2_000,
      4_000,
      8_000,
      512_000,
      MAX_DELAY_MS,
      MAX_DELAY_MS,
      MAX_DELAY_MS,
    ]);
  });
});

describe('remainingWaitMs', () => {
  it('counts from the last failure', () => {
    const history = { failures: 4, lastFailureAt: 10_000 };
    expect(remainingWaitMs(history, 10_000)).toBe(2_000);
    expect(remainingWaitMs(history, 11_500)).toBe(500);
    expect(remainingWaitMs(history, 12_000)).toBe(0);
    expect(remainingWaitMs({ failures: 0, lastFailureAt: null }, 0)).toBe(0);
  });
});

describe('describeWait', () => {
  it('says the wait in words, rounded up to the second', () => {
    expect([1, 1_000, 1_001, 60_000, 64_000, 900_000].map(describeWait)).toEqual([
      '1 second',
      '1 second',
      '2 seconds',
      '1 minute',
      '1 minute 4 seconds',
      '15 minutes',
    ]);
  });
});
