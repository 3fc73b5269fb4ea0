// Delivery in the background of the app (issue 12): while the vault is open, the due copies leave
// on their own, "immediately" as 31 CFR 592.301(a)(1)(iv)-(v) and 15 CFR 30.7(c) ask, without
// anyone running `kpdesk submit`. One drain at a time: a kick while a drain runs asks for one more
// pass after it (an issue, ship or void during a drain is not missed). After each pass a timer is
// set for the earliest due row (a Failed row's backoff time, delivery-backoff.ts), so a retry
// happens when due. stop() (the vault locks) aborts the drain between attempts and clears the
// timer; rows left Sending by an abort are sent again with the same idempotency key at the next
// start (drain-outbox.ts), so nothing is delivered twice.
import type { DeliveryState } from '../../../shared/records/submission-views';
import type { DrainProgress, DrainSummary } from './drain-outbox';
import type { DrainRequest } from './submission-service';

export type BackgroundDeliveryOptions = {
  drain: (request: DrainRequest) => Promise<DrainSummary>;
  /** The earliest time a waiting row is due, for the recipients that send by themselves. */
  nextDueAt: () => string | null;
  /** Whether any recipient sends by itself (HTTPS): without one nothing is started. */
  hasSender: () => boolean;
  now: () => Date;
  /** Asked before each pass: the vault gateway locks an idle vault here (auto-lock). */
  mayRun?: () => boolean;
  /** Never wait longer than this between passes (a clock change, a row added elsewhere). */
  maxWaitMs?: number;
  /** Tests: the timer; Node's setTimeout (unref'd, so it never keeps a process alive) otherwise. */
  setTimer?: (run: () => void, ms: number) => { cancel: () => void };
  /** Anything unexpected in a pass (a closed database after a lock): logged by name, never thrown. */
  onError?: (error: unknown) => void;
};

export type BackgroundDelivery = ReturnType<typeof createBackgroundDelivery>;

const nodeTimer = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  handle.unref();
  return {
    cancel: () => {
      clearTimeout(handle);
    },
  };
};

export function createBackgroundDelivery(options: BackgroundDeliveryOptions) {
  const setTimer = options.setTimer ?? nodeTimer;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let controller: AbortController | null = null;
  let timer: { cancel: () => void } | null = null;
  let nextRunAt: string | null = null;
  let lastRunAt: string | null = null;
  let progress = { attempts: 0, total: 0 };
  // Read through functions: kick() and stop() change them while a pass awaits, which narrowing cannot see.
  const isStopped = (): boolean => stopped;
  const askedAgain = (): boolean => again;

  const schedule = (): void => {
    timer?.cancel();
    timer = null;
    nextRunAt = null;
    if (stopped || !options.hasSender()) return;
    const due = options.nextDueAt();
    if (due === null) return;
    const wait = Math.min(maxWaitMs, Math.max(0, Date.parse(due) - options.now().getTime()));
    nextRunAt = new Date(options.now().getTime() + wait).toISOString();
    timer = setTimer(() => {
      timer = null;
      kick();
    }, wait);
  };

  const pass = async (): Promise<void> => {
    do {
      again = false;
      controller = new AbortController();
      progress = { attempts: 0, total: 0 };
      try {
        await options.drain({
          signal: controller.signal,
          onProgress: (p: DrainProgress) => {
            progress = { attempts: p.attempts, total: p.total };
          },
        });
      } catch (error) {
        options.onError?.(error);
      }
      lastRunAt = options.now().toISOString();
    } while (askedAgain() && !isStopped());
    controller = null;
    try {
      schedule();
    } catch (error) {
      options.onError?.(error);
    }
  };

  function kick(): void {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    if (options.mayRun?.() === false || isStopped() || !options.hasSender()) return;
    timer?.cancel();
    timer = null;
    nextRunAt = null;
    running = pass().finally(() => {
      running = null;
    });
  }

  return {
    kick,
    /** The vault locks: no new attempt starts; the one in flight finishes or is re-sent later. */
    stop: (): void => {
      stopped = true;
      again = false;
      controller?.abort();
      timer?.cancel();
      timer = null;
      nextRunAt = null;
    },
    /** Resolves when no drain runs (tests; a lock that wants to wait). */
    idle: async (): Promise<void> => {
      while (running !== null) await running;
    },
    state: (): Pick<DeliveryState, 'state' | 'attempts' | 'total' | 'lastRunAt' | 'nextRunAt'> => ({
      state: stopped || !options.hasSender() ? 'stopped' : running === null ? 'idle' : 'sending',
      attempts: progress.attempts,
      total: progress.total,
      lastRunAt,
      nextRunAt,
    }),
  };
}
