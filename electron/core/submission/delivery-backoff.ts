// When a failed attempt is tried again: exponential backoff with jitter, so that many licensees'
// desks coming back after an agency outage do not all knock at once. The random source is
// injected (tests fix it); an agency's Retry-After is honoured when it asks for longer.

export type BackoffPolicy = {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** The delay never grows beyond this. */
  maxMs: number;
};

/** 30 s, 1 min, 2 min, ... up to one hour: well inside the "immediately" Census asks for. */
export const defaultBackoff: BackoffPolicy = { baseMs: 30_000, maxMs: 3_600_000 };

/**
 * "Equal jitter": half the exponential delay for sure, the other half at random, so the wait
 * never collapses to zero yet spreads out. `attempt` counts attempts made so far (1 after the
 * first). `random` returns a number in [0, 1).
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  // An agency asking for more time gets it, but never beyond a day (a mistyped header).
  const asked = retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, 86_400_000);
  return Math.max(jittered, asked);
}
