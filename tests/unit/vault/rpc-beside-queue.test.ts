// Work marked besideQueue (the full audit verification, on a thread and connection of its own)
// does not hold the vault's queue: calls made after it are answered while it is still pending;
// when it settles, its `finish` (recording the verified head) takes its turn ON the queue, after
// any call that holds it, and its result is the answer (value or typed error). Unmarked async
// work still holds the queue, in order. Real message ports, promises the test settles itself: no
// timing.
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import { inProcessRpc } from '../../../electron/core/vault/worker/in-process-rpc';
import { besideQueue } from '../../../electron/core/vault/worker/rpc';
import { serveRpc } from '../../../electron/core/vault/worker/rpc-server';

type Deferred = {
  promise: Promise<string>;
  resolve: (v: string) => void;
  reject: (e: unknown) => void;
};

function deferred(): Deferred {
  let resolve: (v: string) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<string>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

function service(pending: Deferred, order: string[] = []) {
  return {
    verify: (): Promise<string> =>
      besideQueue(pending.promise, (value) => {
        order.push('finish');
        return `${value}, recorded`;
      }),
    held: (): Promise<string> => pending.promise,
    issue: (n: number): number => n + 1,
  };
}

describe('besideQueue', () => {
  it('in process: a later call is answered while the work beside the queue is pending', async () => {
    const work = deferred();
    const rpc = inProcessRpc(service(work));
    const order: string[] = [];
    const verifying = rpc.verify().then((v) => order.push(v));
    expect(await rpc.issue(1)).toBe(2);
    order.push('issued');
    work.resolve('verified');
    await verifying;
    expect(order).toEqual(['issued', 'verified, recorded']);
  });

  it('in process: its finish waits for a call that holds the queue', async () => {
    const work = deferred();
    const held = deferred();
    const order: string[] = [];
    const rpc = inProcessRpc({
      ...service(work, order),
      held: (): Promise<string> => held.promise,
    });
    const verifying = rpc.verify().then((v) => order.push(v));
    const holding = rpc.held().then((v) => order.push(v));
    work.resolve('verified');
    // The work is done, but the queue is held: finish has not run.
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    held.resolve('held');
    await Promise.all([verifying, holding]);
    // finish ran as soon as the held call left the queue (before its caller heard back).
    expect(order).toEqual(['finish', 'held', 'verified, recorded']);
  });

  it('called directly, without a queue, still finishes', async () => {
    const work = deferred();
    const order: string[] = [];
    const answer = service(work, order).verify();
    work.resolve('verified');
    expect(await answer).toBe('verified, recorded');
    expect(order).toEqual(['finish']);
  });

  it('in process: unmarked async work still holds the queue', async () => {
    const work = deferred();
    const rpc = inProcessRpc(service(work));
    const order: string[] = [];
    const held = rpc.held().then((v) => order.push(v));
    const issued = rpc.issue(1).then(() => order.push('issued'));
    await Promise.resolve();
    work.resolve('held');
    await Promise.all([held, issued]);
    expect(order).toEqual(['held', 'issued']);
  });

  it('in process: a failure beside the queue keeps its code', async () => {
    const work = deferred();
    const rpc = inProcessRpc(service(work));
    const verifying = rpc.verify().catch((error: unknown) => error);
    work.reject(new AppFailure('VAULT_LOCKED', 'The vault was locked.'));
    expect(await verifying).toMatchObject({ error: { code: 'VAULT_LOCKED' } });
  });

  let channel: MessageChannel | undefined;
  afterEach(() => {
    channel?.port1.close();
  });

  it('over the worker RPC: the reply to the later call comes first', async () => {
    const work = deferred();
    channel = new MessageChannel();
    const { port1: client, port2: server } = channel;
    serveRpc(server, service(work));
    const replies: { id: number }[] = [];
    const waiting = new Map<number, () => void>();
    client.on('message', (m: { id: number }) => {
      replies.push(m);
      waiting.get(m.id)?.();
    });
    const answered = (id: number) =>
      new Promise<void>((resolve) => {
        waiting.set(id, resolve);
      });
    const verifyAnswered = answered(1);
    const issueAnswered = answered(2);
    client.postMessage({ id: 1, method: 'verify', args: [] });
    client.postMessage({ id: 2, method: 'issue', args: [41] });
    await issueAnswered;
    expect(replies).toEqual([{ id: 2, ok: true, value: 42 }]);
    work.resolve('verified');
    await verifyAnswered;
    expect(replies).toEqual([
      { id: 2, ok: true, value: 42 },
      { id: 1, ok: true, value: 'verified, recorded' },
    ]);
  });
});
