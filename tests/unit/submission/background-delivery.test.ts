// The background delivery's scheduling: one drain at a time, a kick during a drain asks for one
// more pass (an issue during a drain is not missed), a timer for the earliest due row, and nothing
// after stop() (the vault locked). The drain is a controllable stand-in; timers are recorded, not
// waited for, so nothing here depends on wall-clock time.
import { describe, expect, it } from 'vitest';
import { createBackgroundDelivery } from '../../../electron/core/submission/background-delivery';
import type { DrainSummary } from '../../../electron/core/submission/drain-outbox';

const summary: DrainSummary = {
  recovered: 0,
  attempts: 0,
  delivered: 0,
  deliveredWithWarnings: 0,
  failed: 0,
  rejected: 0,
  waiting: 0,
  heldElsewhere: [],
};

function world(nextDue: string | null = null) {
  const now = new Date('2026-12-07T10:00:00Z');
  const releases: (() => void)[] = [];
  const signals: AbortSignal[] = [];
  const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
  let due = nextDue;
  const delivery = createBackgroundDelivery({
    drain: (request) => {
      if (request.signal !== undefined) signals.push(request.signal);
      return new Promise<DrainSummary>((resolve) => {
        releases.push(() => {
          resolve(summary);
        });
      });
    },
    nextDueAt: () => due,
    hasSender: () => true,
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { ms, run, cancelled: false };
      timers.push(timer);
      return {
        cancel: () => {
          timer.cancelled = true;
        },
      };
    },
  });
  const release = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    delivery,
    releases,
    signals,
    timers,
    release,
    setDue: (value: string | null) => {
      due = value;
    },
  };
}

describe('background delivery', () => {
  it('runs one drain at a time, and one more pass when kicked during a drain', async () => {
    const w = world();
    w.delivery.kick();
    w.delivery.kick();
    w.delivery.kick();
    expect(w.releases).toHaveLength(1);
    expect(w.delivery.state().state).toBe('sending');
    await w.release();
    // The kicks during the first drain asked for exactly one more pass.
    expect(w.releases).toHaveLength(1);
    await w.release();
    expect(w.releases).toHaveLength(0);
    await w.delivery.idle();
    expect(w.delivery.state()).toMatchObject({ state: 'idle', nextRunAt: null });
  });

  it('sets a timer for the earliest due row and runs when it fires', async () => {
    const w = world('2026-12-07T10:00:30.000Z');
    w.delivery.kick();
    await w.release();
    await w.delivery.idle();
    expect(w.timers).toHaveLength(1);
    expect(w.timers[0]?.ms).toBe(30_000);
    expect(w.delivery.state().nextRunAt).toBe('2026-12-07T10:00:30.000Z');
    w.setDue(null);
    w.timers[0]?.run();
    expect(w.releases).toHaveLength(1);
    await w.release();
    await w.delivery.idle();
    expect(w.timers).toHaveLength(1);
  });

  it('stops on lock: the drain is aborted, the timer cancelled, and kicks do nothing', async () => {
    const w = world('2026-12-07T11:00:00.000Z');
    w.delivery.kick();
    w.delivery.stop();
    expect(w.signals[0]?.aborted).toBe(true);
    await w.release();
    await w.delivery.idle();
    expect(w.timers).toHaveLength(0);
    w.delivery.kick();
    expect(w.releases).toHaveLength(0);
    expect(w.delivery.state().state).toBe('stopped');
  });

  it('never waits longer than its cap for a row due far ahead', async () => {
    const w = world('2026-12-08T10:00:00.000Z');
    w.delivery.kick();
    await w.release();
    await w.delivery.idle();
    expect(w.timers[0]?.ms).toBe(15 * 60_000);
  });
});
