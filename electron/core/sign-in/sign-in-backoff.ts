// How long a username must wait before its next sign-in attempt, after consecutive failures
// (issue 13: sign-in had no throttling, so a password could be guessed at the speed of scrypt).
// The first MAX_FREE_FAILURES failures cost nothing (a typo, caps lock); after that each failure
// doubles the wait, up to MAX_DELAY_MS. A success clears the count. Pure: the caller gives the
// time and the history, so tests never sleep.

export const MAX_FREE_FAILURES = 3;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 15 * 60_000;

/** The wait after `failures` consecutive failures: 0, 0, 0, 1 s, 2 s, 4 s, ... 15 min. */
export function backoffDelayMs(failures: number): number {
  if (failures < MAX_FREE_FAILURES) return 0;
  const doublings = failures - MAX_FREE_FAILURES;
  // 2^20 s is far past the cap: stop doubling before the number grows without bound.
  return Math.min(FIRST_DELAY_MS * 2 ** Math.min(doublings, 20), MAX_DELAY_MS);
}

export type FailureHistory = { failures: number; lastFailureAt: number | null };

/** Milliseconds still to wait at `now` (0: an attempt may be made). */
export function remainingWaitMs(history: FailureHistory, now: number): number {
  if (history.lastFailureAt === null) return 0;
  return Math.max(0, history.lastFailureAt + backoffDelayMs(history.failures) - now);
}

/** "8 seconds", "1 minute 4 seconds": a wait in a licensee's words, rounded up to the second. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const unit = (n: number, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return unit(rest, 'second');
  return rest === 0
    ? unit(minutes, 'minute')
    : `${unit(minutes, 'minute')} ${unit(rest, 'second')}`;
}
