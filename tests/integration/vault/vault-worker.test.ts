// The vault worker, built by the project's own build script (scripts/build-node.mjs, entry
// "vault-worker") into a private folder under node_modules/.cache, so the bundle resolves the
// native SQLite driver from node_modules like the packaged app does. The same scenario runs
// against the worker and in-process, the two ways the app reaches the vault.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import { inProcessRpc } from '../../../electron/core/vault/worker/in-process-rpc';
import type { Rpc } from '../../../electron/core/vault/worker/rpc';
import { INTERNAL_MESSAGE } from '../../../electron/core/vault/worker/rpc';
import { createWorkerClient } from '../../../electron/core/vault/worker/vault-worker-client';
import type { VaultEvent, VaultSession } from '../../../electron/core/vault/worker/vault-session';
import { createVaultSession } from '../../../electron/core/vault/worker/vault-session';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

let buildDir = '';
let workerFile = '';
let dir = '';
let keyHex = '';

beforeAll(async () => {
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  buildDir = mkdtempSync(join(cache, 'kpdesk-vault-worker-'));
  await run(process.execPath, ['scripts/build-node.mjs', 'vault-worker', '--outdir', buildDir], {
    cwd: repoRoot,
  });
  workerFile = join(buildDir, 'electron', 'vault-worker.mjs');
}, 60_000);
afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
});
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

/** What any caller of the vault sees, whichever way it reaches it. */
async function scenario(vault: Rpc<VaultSession>): Promise<void> {
  const path = join(dir, 'vault.kpdb');
  expect((await failureOf(vault.settings.get('idle.minutes'))).error.code).toBe('VAULT_LOCKED');
  expect(await vault.open(path, keyHex, true)).toEqual({ schemaVersion: 10 });
  await vault.settings.put('idle.minutes', 15);
  await vault.settings.put('licensee', { name: 'Hoveniers Diamonds LLC' });
  expect(await vault.settings.get('idle.minutes')).toBe(15);
  expect(await vault.settings.get('missing')).toBeNull();

  // A driver error (NOT NULL constraint) arrives as INTERNAL, without the driver's words.
  const internal = await failureOf(vault.settings.put('broken', undefined));
  expect(internal.error).toEqual({ code: 'INTERNAL', message: INTERNAL_MESSAGE });

  await vault.lock();
  const wrongKey = await failureOf(vault.open(path, randomBytes(32).toString('hex')));
  expect(wrongKey.error.code).toBe('VAULT_KEY_INVALID');
  await vault.open(path, keyHex);
  expect(await vault.settings.get('licensee')).toEqual({ name: 'Hoveniers Diamonds LLC' });
  await vault.lock();
  // The file on disk is encrypted: the stored text is nowhere in it.
  expect(readFileSync(path).includes('Hoveniers')).toBe(false);
}

describe('the vault service', () => {
  it('works in-process (the CLI)', async () => {
    await scenario(inProcessRpc(createVaultSession()));
  });

  it('works through the worker thread (main process, preview host)', async () => {
    const client = createWorkerClient<VaultSession>(workerFile, {});
    try {
      await scenario(client);
    } finally {
      await client.close();
    }
  });
});

describe('the vault worker client', () => {
  it('reports backup and restore progress as events and round-trips their results', async () => {
    const events: VaultEvent[] = [];
    const client = createWorkerClient<VaultSession>(
      workerFile,
      {},
      {
        onEvent: (event) => events.push(event as VaultEvent),
      },
    );
    try {
      const path = join(dir, 'vault.kpdb');
      await client.open(path, keyHex, true);
      await client.settings.put('probe', 'before the backup');
      const backupPath = join(dir, 'vault.kpdesk-backup');
      const summary = await client.backup(backupPath);
      expect(summary.manifest.files[0]?.name).toBe('vault.kpdb');
      await client.settings.put('probe', 'after the backup');
      const restored = await client.restore(backupPath, path, keyHex);
      expect(restored.previousVaultPath).toMatch(/vault\.kpdb\.before-restore-/);
      await client.open(path, keyHex);
      expect(await client.settings.get('probe')).toBe('before the backup');
      const phases = events.map((e) => `${e.operation}:${e.phase}`);
      expect(new Set(phases)).toEqual(
        new Set([
          'backup:snapshot',
          'backup:write',
          'restore:verify',
          'restore:check',
          'restore:replace',
        ]),
      );
    } finally {
      await client.close();
    }
  });

  it('answers an unknown or inherited method with UNKNOWN_CHANNEL', async () => {
    const client = createWorkerClient<
      VaultSession & { constructor: () => void; drop: () => void; settings: { drop: () => void } }
    >(workerFile, {});
    try {
      expect((await failureOf(client.drop())).error.code).toBe('UNKNOWN_CHANNEL');
      expect((await failureOf(client.constructor())).error.code).toBe('UNKNOWN_CHANNEL');
      expect((await failureOf(client.settings.drop())).error.code).toBe('UNKNOWN_CHANNEL');
    } finally {
      await client.close();
    }
  });

  it('rejects every pending call with INTERNAL when the worker is killed', async () => {
    const client = createWorkerClient<VaultSession>(workerFile, {});
    const path = join(dir, 'vault.kpdb');
    await client.open(path, keyHex, true);
    for (let i = 0; i < 200; i += 1) await client.settings.put(`bulk.${i}`, 'x'.repeat(50_000));
    // A backup of ~10 MB takes far longer than posting the calls below and killing the worker.
    const calls = [
      client.backup(join(dir, 'slow.kpdesk-backup')),
      ...Array.from({ length: 10 }, (_, i) => client.settings.put(`late.${i}`, i)),
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
    expect((await failureOf(client.settings.get('late.0'))).error.code).toBe('INTERNAL');
  });

  it('lets queued calls finish on close(), then refuses new ones', async () => {
    const client = createWorkerClient<VaultSession>(workerFile, {});
    const path = join(dir, 'vault.kpdb');
    const opened = client.open(path, keyHex, true);
    const written = client.settings.put('queued', true);
    const closing = client.close();
    await expect(opened).resolves.toEqual({ schemaVersion: 10 });
    await expect(written).resolves.toBeUndefined();
    await closing;
    expect((await failureOf(client.settings.get('queued'))).error.code).toBe('INTERNAL');
  });
});

describe('what the worker sends to its parent', () => {
  it('never holds the key, for any failure, in messages or in its log', async () => {
    const worker = new Worker(workerFile, { stderr: true });
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
      const path = join(dir, 'vault.kpdb');
      const malformed = `${keyHex}zz`;
      await call('open', path, keyHex, true);
      await call('settings.put', keyHex, undefined); // driver error, key as the setting's name
      await call('open', path, keyHex); // already open
      await call('backup', join(dir, 'no-such-folder', 'b.kpdesk-backup'));
      await call('lock');
      // Almost the key: one digit changed, the rest in upper case (a wrong key, not a typo'd one).
      await call(
        'open',
        path,
        `${keyHex.startsWith('0') ? '1' : '0'}${keyHex.slice(1).toUpperCase()}`,
      );
      await call('open', path, malformed);
      await call('open', join(dir, 'no-such-folder', 'v.kpdb'), keyHex, true);
      await call('restore', join(dir, 'missing'), path, keyHex);
      const failures = messages.filter((m) => (m as { ok?: boolean }).ok === false);
      expect(failures.length).toBeGreaterThanOrEqual(7);
      const everything = JSON.stringify(messages) + log;
      for (const secret of [keyHex, keyHex.slice(1).toUpperCase(), malformed, keyHex.slice(8, 40)])
        expect(everything).not.toContain(secret);
      expect(everything).not.toMatch(/at .*\(.*:\d+:\d+\)/); // no stack frames either
    } finally {
      await worker.terminate();
    }
  });
});
