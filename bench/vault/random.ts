// Seeded, deterministic randomness for the vault benchmark: the build process and the
// measuring process must derive the same certificate i independently (its ITN, its parties),
// so every value comes from a generator seeded by the certificate's index, never Math.random.

export type Random = () => number;

/** mulberry32: a small, fast generator with a 32-bit state; uniform in [0, 1). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for item `index` of a stream: independent of every other index. */
export function randomFor(stream: number, index: number): Random {
  return seededRandom(Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Skewed towards the first items (a few big customers, a long tail), as trade is. */
export function pickSkewed<T>(random: Random, items: readonly T[]): T {
  const u = random();
  return pick(() => u * u * u, items);
}

export function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [item, weight] of items) {
    left -= weight;
    if (left < 0) return item;
  }
  const last = items.at(-1);
  if (last === undefined) throw new Error('pick from an empty list');
  return last[0];
}
