// The main process's (and preview host's) way to the vault: a worker thread runs the service,
// and this client turns each method call into a message and its reply into a settled promise.
// Errors arrive as AppFailure with the worker's AppError; if the worker dies, every pending
// call is rejected with INTERNAL rather than left hanging.
import { Worker } from 'node:worker_threads';
import { AppFailure } from '../../app-failure';
import type { Rpc, RpcRequest } from './rpc';
import { RpcEventSchema, RpcReplySchema } from './rpc';

/** A service method named close or terminate would be shadowed: the type leaves it out. */
export type WorkerClient<T> = Rpc<Omit<T, 'close' | 'terminate'>> & {
  /** Lets queued calls finish, shuts the service down and ends the worker. */
  close(): Promise<void>;
  /** Stops the worker at once (a watchdog's last resort); pending calls reject with INTERNAL. */
  terminate(): Promise<void>;
};

export type WorkerClientOptions = {
  /** Receives what the service reports while it works (e.g. backup progress). */
  onEvent?: (event: unknown) => void;
  /** How long close() waits for an orderly shutdown before terminating the worker. */
  closeTimeoutMs?: number;
};

type Pending = { resolve: (value: unknown) => void; reject: (error: AppFailure) => void };

const stopped = () =>
  new AppFailure(
    'INTERNAL',
    'The vault service stopped unexpectedly. The operation may not have completed; restart KP Desk and check the record.',
  );

export function createWorkerClient<T extends object>(
  workerFile: string | URL,
  init: unknown,
  options: WorkerClientOptions = {},
): WorkerClient<T> {
  const worker = new Worker(workerFile, { workerData: init });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      exited = true;
      const error = stopped();
      for (const call of pending.values()) call.reject(error);
      pending.clear();
      resolve();
    });
  });
  // An uncaught exception in the worker is followed by 'exit'; listening keeps it from
  // becoming an uncaught exception here.
  worker.on('error', () => undefined);
  worker.on('message', (message: unknown) => {
    const reply = RpcReplySchema.safeParse(message);
    if (reply.success) {
      const call = pending.get(reply.data.id);
      pending.delete(reply.data.id);
      if (call === undefined) return;
      if (reply.data.ok) call.resolve(reply.data.value);
      else {
        const { code, message: text, fields } = reply.data.error;
        call.reject(new AppFailure(code, text, fields));
      }
      return;
    }
    const event = RpcEventSchema.safeParse(message);
    if (event.success) options.onEvent?.(event.data.event);
  });

  function call(method: string, args: unknown[]): Promise<unknown> {
    if (exited) return Promise.reject(stopped());
    const id = nextId;
    nextId += 1;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, method, args } satisfies RpcRequest);
      } catch {
        pending.delete(id);
        reject(new AppFailure('INVALID_INPUT', `The arguments of ${method} cannot be sent.`));
      }
    });
  }

  async function close(): Promise<void> {
    if (!exited) {
      worker.postMessage({ shutdown: true });
      const timeout = setTimeout(() => void worker.terminate(), options.closeTimeoutMs ?? 10_000);
      await exit;
      clearTimeout(timeout);
    }
  }

  async function terminate(): Promise<void> {
    await worker.terminate();
    await exit;
  }

  // Each property is a callable proxy: call it to send "a.b", or read a property to go deeper.
  function remote(path: string): unknown {
    return new Proxy(() => undefined, {
      apply: (_target, _this, args: unknown[]) => call(path, args),
      get: (_target, property) =>
        typeof property !== 'string' || property === 'then'
          ? undefined
          : remote(`${path}.${property}`),
    });
  }

  return new Proxy({} as WorkerClient<T>, {
    get(_target, property) {
      // Not thenable: `await client` must not call a remote "then".
      if (typeof property !== 'string' || property === 'then') return undefined;
      if (property === 'close') return close;
      if (property === 'terminate') return terminate;
      return remote(property);
    },
  });
}
