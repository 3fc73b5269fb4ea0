// Runs the verification units on this thread and on a helper thread at once (the machine this
// must be fast on has two cores). Both take units from one shared counter, so neither waits while
// the other has work; the helper opens its own connection to the vault file and reads inside one
// transaction, and takes part only if it sees the same newest event as this thread (the same
// snapshot: the app writes nothing while its vault thread verifies). This thread waits for the
// helper synchronously (Atomics.wait; receiveMessageOnPort), so the verification stays one
// synchronous call, like every other call on the vault's queue. Any unit the helper could not
// finish is run here, so the answer never depends on the helper.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { KnownRowDigests } from './entity-row-digest';
import type { WalkOptions } from './walk-audit-chain';
import type { ChainHead, UnitResult, VerificationUnit } from './verification-units';
import { runVerificationUnit } from './verification-units';

/** The bundled audit-verify-worker.mjs and the vault's key (the helper opens its own connection). */
export type HelperThread = { workerFile: string | URL; key: Buffer };

/** Shared words: the next unit to take; whether the helper holds a unit (1) or not (0); how many
 * units the helper has taken (it moves while the helper lives). */
export const NEXT = 0;
export const BUSY = 1;
export const TAKEN = 2;

export type HelperJob = {
  path: string;
  key: Uint8Array;
  head: ChainHead;
  units: VerificationUnit[];
  walk: WalkOptions;
  /** Digests of rows the caller already took (verification-units.ts). */
  known?: KnownRowDigests;
  control: SharedArrayBuffer;
  port: MessagePort;
};

export type HelperMessage = { index: number; result: UnitResult } | { index: number; failed: true };

/** How long one wait lasts before the flags are read again (a lost wake-up costs no more). */
const WAIT_MS = 200;
/** A helper that holds one unit this long has died or stalled: its unit is run here instead. */
const STALLED_MS = 120_000;
/** The helper's own heap: it streams, so a small one suffices, and RSS stays within the goal. */
const HELPER_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 4 };

export function runUnitsInTwoThreads(
  db: Database,
  units: readonly VerificationUnit[],
  walk: WalkOptions,
  head: ChainHead,
  helper: HelperThread,
  onProgress?: (done: number, total: number) => void,
  known?: KnownRowDigests,
): UnitResult[] {
  const results: (UnitResult | undefined)[] = units.map(() => undefined);
  const file =
    helper.workerFile instanceof URL ? fileURLToPath(helper.workerFile) : helper.workerFile;
  const control = new Int32Array(new SharedArrayBuffer(12));
  const channel = new MessageChannel();
  let worker: Worker | null = null;
  if (existsSync(file)) {
    const job: HelperJob = {
      path: db.name,
      key: new Uint8Array(helper.key),
      head,
      units: [...units],
      walk,
      ...(known === undefined ? {} : { known }),
      control: control.buffer,
      port: channel.port2,
    };
    worker = new Worker(file, {
      workerData: job,
      transferList: [channel.port2],
      resourceLimits: HELPER_LIMITS,
    });
    // The worker received its own copy of the job when it was created.
    job.key.fill(0);
    // Its failures are the helper's own: whatever it did not finish is run here.
    worker.on('error', () => undefined);
    worker.unref();
  }
  for (let i = Atomics.add(control, NEXT, 1); i < units.length; i = Atomics.add(control, NEXT, 1)) {
    const unit = units[i];
    // Every unit before this one has been started, by one thread or the other.
    onProgress?.(i, units.length);
    if (unit !== undefined) results[i] = runVerificationUnit(db, unit, walk, known);
  }
  // Every unit is taken: wait for the one the helper may hold, unless the helper stopped moving
  // (a thread that died cannot clear its flag, and this thread cannot hear its exit while it
  // waits): then its unit has no result and is run below.
  let taken = Atomics.load(control, TAKEN);
  let since = performance.now();
  while (Atomics.load(control, BUSY) === 1 && performance.now() - since < STALLED_MS) {
    Atomics.wait(control, BUSY, 1, WAIT_MS);
    if (Atomics.load(control, TAKEN) !== taken) {
      taken = Atomics.load(control, TAKEN);
      since = performance.now();
    }
  }
  for (let message = receiveMessageOnPort(channel.port1); message !== undefined;) {
    const reply = message.message as HelperMessage;
    if ('result' in reply) results[reply.index] = reply.result;
    message = receiveMessageOnPort(channel.port1);
  }
  channel.port1.close();
  void worker?.terminate();
  return units.map((unit, i) => results[i] ?? runVerificationUnit(db, unit, walk, known));
}
