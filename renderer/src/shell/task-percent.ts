// A long task's progress in percent, twice: exact for the bar the user sees, and in steps of ten
// for what screen readers announce. Progress is polled four times a second, and a live region that
// changed on every poll would talk over everything else; a step of ten is said at most ten times.

/** done / total as a whole percent, 0–100; 0 while the total is unknown. */
export function exactPercent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}

/** The percent rounded down to tens: never says more is done than is, and 100 only at the end. */
export function announcedPercent(percent: number): number {
  return Math.floor(percent / 10) * 10;
}
