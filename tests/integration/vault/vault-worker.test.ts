// The vault worker, built by the project's own build script (scripts/build-node.mjs, entry
// "vault-worker") into a private folder under node_modules/.cache, so the bundle resolves the
// native SQLite driver from node_modules like the packaged app does. The same scenario runs
// against the worker and in-process, the two ways the app reaches the vault.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuiltEntries } from '../built-entries';
import { buildEntries } from '../built-entries';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import { inProcessRpc } from '../../../electron/core/vault/worker/in-process-rpc';
import type { Rpc } from '../../../electron/core/vault/worker/rpc';
import { createWorkerClient } from '../../../electron/core/vault/worker/vault-worker-client';
import type { VaultGateway } from '../../../electron/core/vault/vault-gateway';
import { createVaultGateway } from '../../../electron/core/vault/vault-gateway';

let built: BuiltEntries | undefined;
let workerFile = '';
let dir = '';
let keyHex = '';

beforeAll(async () => {
  built = await buildEntries('vault-worker', ['vault-worker']);
  workerFile = built.file('electron', 'vault-worker.mjs');
}, 180_000);
afterAll(() => built?.remove());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kp-worker-'));
  keyHex = randomBytes(32).toString('hex');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

// Small scrypt costs keep the test fast; the defaults are asserted elsewhere.
const fast = { passwordHashing: { N: 1024, r: 8, p: 1 } };
const admin = { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' };

/** What any caller of the vault sees, whichever way it reaches it. */
async function scenario(vault: Rpc<VaultGateway>): Promise<void> {
  expect(await vault.status()).toMatchObject({ vault: 'absent', user: null });
  expect((await failureOf(vault.stock.summary(undefined))).error.code).toBe('VAULT_LOCKED');
  await vault.openWithKey({ keyHex, create: true });
  expect(await vault.status()).toMatchObject({ vault: 'open', needsFirstAdministrator: true });
  expect((await failureOf(vault.stock.summary(undefined))).error.code).toBe('AUTH_FAILED');
  await vault.createFirstAdministrator(admin);
  const summary = await vault.stock.register({
    numbers: 'US10000-US10009',
    description: 'Hoveniers',
  });
  expect(summary.counts).toEqual({ available: 10, used: 0, voided: 0 });
  // A refusal from the service arrives with its code and field.
  const duplicate = await failureOf(vault.stock.register({ numbers: 'US10005' }));
  expect(duplicate.error.code).toBe('CONFLICT');
  await vault.lock();
  const wrongKey = await failureOf(vault.openWithKey({ keyHex: randomBytes(32).toString('hex') }));
  expect(wrongKey.error.code).toBe('VAULT_KEY_INVALID');
  await vault.openWithKey({ keyHex });
  await vault.signIn({ username: 'admin', password: admin.password });
  expect((await vault.stock.summary(undefined)).counts.available).toBe(10);
  expect((await vault.audit.verify(undefined)).ok).toBe(true);
  await vault.lock();
  // The files on disk are encrypted: the stored text is nowhere in them.
  const bytes = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
  expect(bytes.includes('Hoveniers')).toBe(false);
}

describe('the vault gateway', () => {
  it('works in-process (the CLI, the preview host)', async () => {
    await scenario(inProcessRpc(createVaultGateway({ dataDir: dir, ...fast })));
  });

  it('works through the worker thread (the main process)', async () => {
    const client = createWorkerClient<VaultGateway>(workerFile, { dataDir: dir, ...fast });
    try {
      await scenario(client);
    } finally {
      await client.close();
    }
  });
});

describe('the vault worker client', () => {
  it('reports backup progress as events and round-trips the result', async () => {
    const events: unknown[] = [];
    const client = createWorkerClient<VaultGateway>(
      workerFile,
      { dataDir: dir, ...fast },
      { onEvent: (event) => events.push(event) },
    );
    try {
      await client.openWithKey({ keyHex, create: true });
      await client.createFirstAdministrator(admin);
      const summary = await client.backup({ path: join(dir, 'vault.kpdesk-backup') });
      expect(summary.manifest.files[0]?.name).toBe('vault.kpdb');
      const phases = events.map(
        (e) => `${(e as { operation: string }).operation}:${(e as { phase: string }).phase}`,
      );
      expect(new Set(phases)).toEqual(new Set(['backup:snapshot', 'backup:write']));
    } finally {
      await client.close();
    }
  });

  it('answers an unknown or inherited method with UNKNOWN_CHANNEL', async () => {
    const client = createWorkerClient<
      VaultGateway & { constructor: () => void; drop: () => void; stock: { drop: () => void } }
    >(workerFile, { dataDir: dir });
    try {
      expect((await failureOf(client.drop())).error.code).toBe('UNKNOWN_CHANNEL');
      expect((await failureOf(client.constructor())).error.code).toBe('UNKNOWN_CHANNEL');
      expect((await failureOf(client.stock.drop())).error.code).toBe('UNKNOWN_CHANNEL');
    } finally {
      await client.close();
    }
  });

  it('rejects every pending call with INTERNAL when the worker is killed', async () => {
    const client = createWorkerClient<VaultGateway>(workerFile, { dataDir: dir, ...fast });
    await client.openWithKey({ keyHex, create: true });
    await client.createFirstAdministrator(admin);
    await client.stock.register({ numbers: 'US100000-US159999' });
    // A backup of a few MB takes far longer than posting the calls below and killing the worker.
    const calls = [
      client.backup({ path: join(dir, 'slow.kpdesk-backup') }),
      ...Array.from({ length: 10 }, () => client.stock.summary(undefined)),
    ];
    const killed = client.terminate();
    const outcomes = await Promise.allSettled(calls);
    await killed;
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') {
        expect(outcome.reason).toBeInstanceOf(AppFailure);
        expect((outcome.reason as AppFailure).error.code).toBe('INTERNAL');
      }
    }
    // And a call after the worker is gone fails at once instead of hanging.
    expect((await failureOf(client.status())).error.code).toBe('INTERNAL');
  }, 180_000);

  it('lets queued calls finish on close(), then refuses new ones', async () => {
    const client = createWorkerClient<VaultGateway>(workerFile, { dataDir: dir });
    const opened = client.openWithKey({ keyHex, create: true });
    const status = client.status();
    const closing = client.close();
    await expect(opened).resolves.toMatchObject({ vault: 'open' });
    await expect(status).resolves.toMatchObject({ vault: 'open' });
    await closing;
    expect((await failureOf(client.status())).error.code).toBe('INTERNAL');
  });
});

describe('what the worker sends to its parent', () => {
  it('never holds the key, for any failure, in messages or in its log', async () => {
    const worker = new Worker(workerFile, { stderr: true, workerData: { dataDir: dir } });
    const messages: unknown[] = [];
    let log = '';
    worker.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const replies = new Map<number, (message: unknown) => void>();
    worker.on('message', (message: { id?: number }) => {
      messages.push(message);
      if (message.id !== undefined) replies.get(message.id)?.(message);
    });
    let nextId = 0;
    const call = (method: string, ...args: unknown[]) =>
      new Promise<unknown>((resolve) => {
        nextId += 1;
        replies.set(nextId, resolve);
        worker.postMessage({ id: nextId, method, args });
      });
    try {
      const malformed = `${keyHex}zz`;
      await call('openWithKey', { keyHex, create: true });
      await call('openWithKey', { keyHex }); // already open
      await call('signIn', { username: keyHex, password: keyHex }); // no such user
      await call('backup', { path: join(dir, 'no-such-folder', 'b.kpdesk-backup') });
      await call('lock');
      // Almost the key: one digit changed, the rest in upper case (a wrong key, not a typo'd one).
      await call('openWithKey', {
        keyHex: `${keyHex.startsWith('0') ? '1' : '0'}${keyHex.slice(1).toUpperCase()}`,
      });
      await call('openWithKey', { keyHex: malformed });
      await call('unlock', { passphrase: keyHex });
      const failures = messages.filter((m) => (m as { ok?: boolean }).ok === false);
      expect(failures.length).toBeGreaterThanOrEqual(6);
      const everything = JSON.stringify(messages) + log;
      for (const secret of [keyHex, keyHex.slice(1).toUpperCase(), malformed, keyHex.slice(8, 40)])
        expect(everything).not.toContain(secret);
      expect(everything).not.toMatch(/at .*\(.*:\d+:\d+\)/); // no stack frames either
    } finally {
      await worker.terminate();
    }
  });
});
