// The CLI's way to a service: direct calls in this process, with the same asynchronous
// signatures, the same one-at-a-time order and the same error rule as the worker client, so
// code written against Rpc<T> behaves alike in both.
import { AppFailure } from '../../app-failure';
import type { Rpc } from './rpc';
import { createCallQueue, findMethod, runsBesideQueue, toAppError } from './rpc';

type Enqueue = ReturnType<typeof createCallQueue>;

function proxyAt<T>(
  service: object,
  prefix: string,
  enqueue: Enqueue,
  onInternalError?: (error: unknown) => void,
): Rpc<T> {
  return new Proxy({} as Rpc<T>, {
    get(_target, property) {
      if (typeof property !== 'string' || property === 'then') return undefined;
      const path = `${prefix}${property}`;
      const found = findMethod(service, path);
      if (found === undefined) {
        // A group of methods (e.g. `settings`): go one level down.
        const group: unknown = path.split('.').reduce<unknown>((value, name) => {
          if (typeof value !== 'object' || value === null || name in Object.prototype)
            return undefined;
          return Reflect.get(value, name);
        }, service);
        return typeof group === 'object' && group !== null
          ? proxyAt(service, `${path}.`, enqueue, onInternalError)
          : undefined;
      }
      const fn = found.fn as (...a: unknown[]) => unknown;
      const failure = (error: unknown): AppFailure => {
        const appErr = toAppError(error);
        if (appErr.code === 'INTERNAL') onInternalError?.(error);
        return new AppFailure(appErr.code, appErr.message, appErr.fields);
      };
      return async (...args: unknown[]) => {
        // Work beside the queue (rpc.ts) travels out wrapped, so the queue does not wait for it.
        const outcome = await enqueue(async () => {
          try {
            const returned = fn.apply(found.owner, args);
            return runsBesideQueue(returned, enqueue)
              ? { beside: returned }
              : { value: await returned };
          } catch (error: unknown) {
            throw failure(error);
          }
        });
        if (!('beside' in outcome)) return outcome.value;
        try {
          return await outcome.beside;
        } catch (error: unknown) {
          throw failure(error);
        }
      };
    },
  });
}

export function inProcessRpc<T extends object>(
  service: T,
  onInternalError?: (error: unknown) => void,
): Rpc<T> {
  return proxyAt<T>(service, '', createCallQueue(), onInternalError);
}
