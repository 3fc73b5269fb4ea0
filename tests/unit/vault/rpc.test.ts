// The RPC's error rule on real message ports: an AppFailure keeps its code, message and fields;
// any other error, whatever its message holds (here: key material), arrives as a fixed INTERNAL.
import { randomBytes } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import { inProcessRpc } from '../../../electron/core/vault/worker/in-process-rpc';
import { INTERNAL_MESSAGE } from '../../../electron/core/vault/worker/rpc';
import { serveRpc } from '../../../electron/core/vault/worker/rpc-server';

const secret = randomBytes(32).toString('hex');

function service() {
  let count = 0;
  return {
    add(a: number, b: number): number {
      count += 1;
      return a + b;
    },
    async slowEcho(text: string, ms: number): Promise<string> {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return text;
    },
    refuse(): never {
      throw new AppFailure('FORBIDDEN', 'Only an administrator may do this.', { role: 'operator' });
    },
    leak(): never {
      throw new Error(`could not use key x'${secret}'`);
    },
    calls: () => count,
    callback: () => () => count,
    inner: {
      scale: 10,
      times(this: { scale: number }, n: number): number {
        return n * this.scale;
      },
    },
  };
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return { value: await promise };
  } catch (error: unknown) {
    return error instanceof AppFailure ? { error: error.error } : { thrown: String(error) };
  }
}

describe('inProcessRpc', () => {
  it('calls through, keeps AppFailure and hides any other error', async () => {
    const seen: unknown[] = [];
    const rpc = inProcessRpc(service(), (error) => seen.push(error));
    expect(await rpc.add(2, 3)).toBe(5);
    // A nested group keeps its shape, and its methods run with their own object as `this`.
    expect(await rpc.inner.times(4)).toBe(40);
    expect(await outcome(rpc.refuse())).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: 'Only an administrator may do this.',
        fields: { role: 'operator' },
      },
    });
    expect(await outcome(rpc.leak())).toEqual({
      error: { code: 'INTERNAL', message: INTERNAL_MESSAGE },
    });
    // The original goes only to the injected log hook, never to the caller.
    expect(String(seen[0])).toContain(secret);
  });

  it('runs calls one at a time, in order', async () => {
    const rpc = inProcessRpc(service());
    const order: string[] = [];
    await Promise.all([
      rpc.slowEcho('first', 30).then((t) => order.push(t)),
      rpc.slowEcho('second', 0).then((t) => order.push(t)),
    ]);
    expect(order).toEqual(['first', 'second']);
  });
});

describe('serveRpc', () => {
  let channel: MessageChannel | undefined;
  afterEach(() => {
    channel?.port1.close();
  });

  it('answers { id, method, args } with { id, ok, value } or a typed error, never a secret', async () => {
    channel = new MessageChannel();
    const { port1: client, port2: server } = channel;
    serveRpc(server, service());
    const messages: unknown[] = [];
    const replies = new Map<number, (m: unknown) => void>();
    client.on('message', (m: { id: number }) => {
      messages.push(m);
      replies.get(m.id)?.(m);
    });
    const call = (id: number, method: string, args: unknown[]) =>
      new Promise((resolve) => {
        replies.set(id, resolve);
        client.postMessage({ id, method, args });
      });
    expect(await call(1, 'add', [20, 22])).toEqual({ id: 1, ok: true, value: 42 });
    expect(await call(2, 'refuse', [])).toMatchObject({
      id: 2,
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(3, 'leak', [])).toEqual({
      id: 3,
      ok: false,
      error: { code: 'INTERNAL', message: INTERNAL_MESSAGE },
    });
    expect(await call(4, 'toString', [])).toMatchObject({ error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await call(5, 'calls', [])).toMatchObject({ value: 1 });
    // A returned value that cannot be cloned becomes a typed error, not a crash.
    expect(await call(6, 'callback', [])).toMatchObject({ id: 6, error: { code: 'INTERNAL' } });
    expect(await call(7, 'inner.times', [5])).toEqual({ id: 7, ok: true, value: 50 });
    for (const [id, path] of [
      [8, 'inner'],
      [9, 'inner.scale'],
      [10, 'inner.constructor'],
      [11, '__proto__.toString'],
      [12, 'inner.times.call'],
    ] as const)
      expect(await call(id, path, [])).toMatchObject({ id, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(JSON.stringify(messages)).not.toContain(secret);
  });
});
