// The worker side of the RPC: answers { id, method, args } with { id, ok, value } or
// { id, ok: false, error }, in arrival order, and shuts the service down on { shutdown: true }.
import { appError } from '../../../../shared/errors';
import {
  RpcRequestSchema,
  RpcShutdownSchema,
  createCallQueue,
  findMethod,
  runsBesideQueue,
  toAppError,
} from './rpc';
import type { RpcReply } from './rpc';

export type RpcPort = {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: unknown): void;
  close(): void;
};

export type ServeOptions = {
  /** Runs after the last queued call, before the port closes (close the database here). */
  onShutdown?: () => void | Promise<void>;
  /** Sees every non-AppFailure error, which the caller only sees as INTERNAL. */
  onInternalError?: (error: unknown) => void;
};

function post(port: RpcPort, reply: RpcReply): void {
  try {
    port.postMessage(reply);
  } catch {
    // The value could not be cloned (a function, a class with private state): say so, typed.
    port.postMessage({
      id: reply.id,
      ok: false,
      error: appError('INTERNAL', 'The vault service returned a value that cannot be sent.'),
    } satisfies RpcReply);
  }
}

export function serveRpc(port: RpcPort, service: object, options: ServeOptions = {}): void {
  const enqueue = createCallQueue();
  port.on('message', (message: unknown) => {
    if (RpcShutdownSchema.safeParse(message).success) {
      void enqueue(async () => {
        await options.onShutdown?.();
        port.close();
      }).catch((error: unknown) => {
        options.onInternalError?.(error);
        port.close();
      });
      return;
    }
    const request = RpcRequestSchema.safeParse(message);
    if (!request.success) return;
    const { id, method, args } = request.data;
    void enqueue(async () => {
      const found = findMethod(service, method);
      if (found === undefined) {
        const error = appError(
          'UNKNOWN_CHANNEL',
          `The vault service has no operation "${method}".`,
        );
        post(port, { id, ok: false, error });
        return;
      }
      const fail = (error: unknown): void => {
        const appErr = toAppError(error);
        if (appErr.code === 'INTERNAL') options.onInternalError?.(error);
        post(port, { id, ok: false, error: appErr });
      };
      try {
        const fn = found.fn as (...a: unknown[]) => unknown;
        const returned = fn.apply(found.owner, args);
        // Work on a thread of its own: the next calls need not wait for it (rpc.ts).
        if (runsBesideQueue(returned, enqueue)) {
          returned.then((value) => {
            post(port, { id, ok: true, value });
          }, fail);
          return;
        }
        const value: unknown = await returned;
        post(port, { id, ok: true, value });
      } catch (error: unknown) {
        fail(error);
      }
    });
  });
}
