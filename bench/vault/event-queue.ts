// Orders the planned audit events of many certificates by time, so the chain interleaves them
// as the app would have written them over ten years (certificate i is delivered weeks after
// certificate i + 1000 was created). A binary min-heap on (time, arrival order).
import type { PlannedEvent } from './certificate-history';

type Entry = { event: PlannedEvent; order: number };

export function createEventQueue() {
  const heap: Entry[] = [];
  let arrivals = 0;
  const before = (a: Entry, b: Entry): boolean =>
    a.event.at < b.event.at || (a.event.at === b.event.at && a.order < b.order);
  const swap = (i: number, j: number): void => {
    const a = heap[i];
    const b = heap[j];
    if (a === undefined || b === undefined) return;
    heap[i] = b;
    heap[j] = a;
  };
  const push = (event: PlannedEvent): void => {
    heap.push({ event, order: arrivals });
    arrivals += 1;
    let i = heap.length - 1;
    for (;;) {
      const parent = (i - 1) >> 1;
      const child = heap[i];
      const up = heap[parent];
      if (i === 0 || child === undefined || up === undefined || !before(child, up)) return;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = (): PlannedEvent | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (heap.length === 0) return top.event;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      let smallest = i;
      for (const child of [left, left + 1]) {
        const a = heap[child];
        const b = heap[smallest];
        if (a !== undefined && b !== undefined && before(a, b)) smallest = child;
      }
      if (smallest === i) return top.event;
      swap(i, smallest);
      i = smallest;
    }
  };
  return {
    push,
    /** Every queued event at or before `time`, oldest first. */
    takeUntil: function* (time: number): Generator<PlannedEvent> {
      for (;;) {
        const next = heap[0];
        if (next === undefined || next.event.at > time) return;
        const event = pop();
        if (event !== undefined) yield event;
      }
    },
    size: (): number => heap.length,
  };
}
