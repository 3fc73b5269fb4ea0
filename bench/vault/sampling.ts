// Timing of one operation: warm-up runs first (prepared statements, JIT, the page cache of the
// rows touched), then many timed runs, reported as p50 and p95 in milliseconds. A pair of
// operations is timed alternately, run by run, so that both see the same machine load.

export type Timing = { p50: number; p95: number; runs: number };

const MIN_RUNS = 40;

function percentile(sorted: readonly number[], fraction: number): number {
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[at] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), runs: sorted.length };
}

function timeOnce(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * `run(k)` gets the run number so each run can use different input. A time budget ends the
 * timed runs early (after at least MIN_RUNS) when one run can take seconds; the figure then
 * says how many runs it rests on.
 */
export function measure(
  run: (k: number) => unknown,
  warmup: number,
  runs: number,
  budgetMs = Number.POSITIVE_INFINITY,
): Timing {
  const warmupEnds = performance.now() + budgetMs / 4;
  let k = 0;
  for (; k < warmup && performance.now() < warmupEnds; k += 1) run(k);
  const samples: number[] = [];
  const ends = performance.now() + budgetMs;
  for (let i = 0; i < runs && (i < MIN_RUNS || performance.now() < ends); i += 1)
    samples.push(timeOnce(() => run(k + i)));
  return summarize(samples);
}

export function measurePair(
  first: (k: number) => unknown,
  second: (k: number) => unknown,
  warmup: number,
  runs: number,
  /** Untimed work before each pair, e.g. opening a transaction. */
  before: (k: number) => void = () => undefined,
): [Timing, Timing] {
  for (let k = 0; k < warmup; k += 1) {
    before(k);
    first(k);
    second(k);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < runs; k += 1) {
    before(warmup + k);
    // Alternate which goes first, so neither always runs on a cache the other just warmed.
    if (k % 2 === 0) {
      a.push(timeOnce(() => first(warmup + k)));
      b.push(timeOnce(() => second(warmup + k)));
    } else {
      b.push(timeOnce(() => second(warmup + k)));
      a.push(timeOnce(() => first(warmup + k)));
    }
  }
  return [summarize(a), summarize(b)];
}
