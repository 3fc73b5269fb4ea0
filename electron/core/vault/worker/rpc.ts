// A typed RPC over any service object, so one service interface serves the CLI (in-process,
// direct calls) and the Electron main process and preview host (through a worker thread, which
// keeps the synchronous SQLite driver off their event loops). Only AppFailure errors keep their
// code and message across; anything else becomes INTERNAL with a fixed message, because a
// driver's message or stack may hold a path, a value or, worst, key material.
import { z } from 'zod';
import type { AppError } from '../../../../shared/errors';
import { AppErrorSchema, appError } from '../../../../shared/errors';
import { isAppFailure } from '../../app-failure';

type AnyMethod = (...args: never[]) => unknown;

/**
 * The asynchronous face of a service: each method returns a promise of its result, and nested
 * groups of methods (e.g. `certificates.get`) keep their shape; they travel as "certificates.get".
 */
export type Rpc<T> = {
  [
    K in keyof T as K extends string
      ? T[K] extends AnyMethod
        ? K
        : T[K] extends object
          ? K
          : never
      : never
  ]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : Rpc<T[K]>;
};

export const RpcRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(200),
  args: z.array(z.unknown()),
});
export type RpcRequest = z.infer<typeof RpcRequestSchema>;

export const RpcShutdownSchema = z.object({ shutdown: z.literal(true) }).strict();

export const RpcReplySchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), value: z.unknown() }).strict(),
  z.object({ id: z.number(), ok: z.literal(false), error: AppErrorSchema }).strict(),
]);
export type RpcReply = z.infer<typeof RpcReplySchema>;

/** Something the service reports while it works (e.g. backup progress); not a reply. */
export const RpcEventSchema = z.object({ event: z.unknown() }).strict();

export const INTERNAL_MESSAGE =
  'An unexpected error occurred in the vault service. The operation may not have completed; try again.';

export function toAppError(error: unknown): AppError {
  return isAppFailure(error) ? error.error : appError('INTERNAL', INTERNAL_MESSAGE);
}

/**
 * Looks up a callable method by its dotted path ("certificates.get") and the object it belongs
 * to; never anything inherited from Object.prototype ("constructor", "__proto__", "toString").
 */
export function findMethod(
  service: object,
  method: string,
): { fn: AnyMethod; owner: object } | undefined {
  let owner: unknown = undefined;
  let value: unknown = service;
  for (const name of method.split('.')) {
    if (name in Object.prototype || typeof value !== 'object' || value === null) return undefined;
    owner = value;
    value = Reflect.get(value, name);
  }
  return typeof value === 'function' && typeof owner === 'object' && owner !== null
    ? { fn: value as AnyMethod, owner }
    : undefined;
}

/**
 * Runs calls one after another, in the order they arrive: the service holds one database
 * connection, and an async operation (a backup) must not interleave with a write.
 */
export function createCallQueue(): <R>(task: () => R | Promise<R>) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return <R>(task: () => R | Promise<R>): Promise<R> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

const BESIDE_QUEUE = Symbol('kpdesk.besideQueue');

type Enqueue = <R>(task: () => R | Promise<R>) => Promise<R>;
type BesideQueue = { [BESIDE_QUEUE]: (enqueue: Enqueue) => void };

/**
 * Long work that runs beside the queue, then a short `finish` that runs ON it: the queue moves
 * on to the next call as soon as the method has returned, and when the work is done, `finish`
 * takes its turn in the queue like any call (it may write on the service's connection), and its
 * result is the reply. Only for work on a connection and thread of its own (the full audit
 * verification reads its own snapshot). Called directly, without a queue, the promise runs
 * `finish` itself.
 */
export function besideQueue<T, R>(work: Promise<T>, finish: (value: T) => R): Promise<R> {
  let enqueue: Enqueue | null = null;
  const done = work.then((value) =>
    enqueue === null ? finish(value) : enqueue(() => finish(value)),
  );
  const handOff: BesideQueue = {
    [BESIDE_QUEUE]: (queue) => {
      enqueue = queue;
    },
  };
  return Object.assign(done, handOff);
}

/** Hands a besideQueue promise its queue; false for any other value. */
export function runsBesideQueue(value: unknown, enqueue: Enqueue): value is Promise<unknown> {
  if (!(value instanceof Promise)) return false;
  const handOff = (value as Partial<BesideQueue>)[BESIDE_QUEUE];
  if (handOff === undefined) return false;
  handOff(enqueue);
  return true;
}
