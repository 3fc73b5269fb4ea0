// How far two audit chains agree: the highest seq at which both hold the same event hash. Each
// hash covers the previous one (audit-chain.ts), so two chains that agree at seq s agree at
// every seq before it, and a binary search finds the point in about log2(n) lookups per chain.
// Used to say what a restore would drop (restore-guard.ts) and where a vault's chain parts from
// a backup taken earlier (check-anchors.ts). The hashes compared are the stored ones; whether
// each is the true hash of its event is the full verification's job (verify-audit-chain.ts).

export type HashAt = (seq: number) => string | undefined;

/** The highest s in [0, upTo] with a(s) === b(s); 0 (the genesis) when they part at event 1. */
export function commonChainPrefix(a: HashAt, b: HashAt, upTo: number): number {
  let low = 0;
  let high = upTo;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const left = a(middle);
    if (left !== undefined && left === b(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
