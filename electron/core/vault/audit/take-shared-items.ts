// The helper thread's side of the shared counter (run-units-in-two-threads.ts), for the audit
// verification's units and the review's documents alike: take the next item until none is left,
// posting each result. The thread is marked busy before it takes an item, so the caller, which
// finishes whatever was not reported, waits for an item taken but not yet posted.
import type { MessagePort } from 'node:worker_threads';
import { BUSY, NEXT, TAKEN } from './run-units-in-two-threads';

export function takeSharedItems<T>(
  items: readonly T[],
  control: Int32Array,
  port: MessagePort,
  run: (item: T, index: number) => object,
): void {
  for (;;) {
    Atomics.store(control, BUSY, 1);
    const index = Atomics.add(control, NEXT, 1);
    Atomics.add(control, TAKEN, 1);
    const item = items[index];
    if (item === undefined) return;
    let message: object;
    try {
      message = run(item, index);
    } catch {
      message = { index, failed: true };
    }
    port.postMessage(message);
    Atomics.store(control, BUSY, 0);
    Atomics.notify(control, BUSY);
  }
}
