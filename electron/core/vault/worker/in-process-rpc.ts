// The CLI's way to a service: direct calls in this process, with the same asynchronous
// signatures, the same one-at-a-time order and the same error rule as the worker client, so
// code written against Rpc<T> behaves alike in both.
import { AppFailure } from '../../app-failure';
import type { Rpc } from './rpc';
import { createCallQueue, findMethod, toAppError } from './rpc';

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
      return (...args: unknown[]) =>
        enqueue(async () => {
          try {
            return await fn.apply(found.owner, args);
          } catch (error: unknown) {
            const appErr = toAppError(error);
            if (appErr.code === 'INTERNAL') onInternalError?.(error);
            throw new AppFailure(appErr.code, appErr.message, appErr.fields);
          }
        });
    },
  });
}

export function inProcessRpc<T extends object>(
  service: T,
  onInternalError?: (error: unknown) => void,
): Rpc<T> {
  return proxyAt<T>(service, '', createCallQueue(), onInternalError);
}
