// "Remember on this computer" end to end through the channels, with a real encrypted vault on
// disk and an in-memory OS keychain (a fake of the operating system's port, not of our core):
// the key wrapped by the keychain opens the vault at start-up; a weak keychain (Linux basic_text)
// is refused with nothing written; forgetting removes the wrap; the preview has no keychain.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoreHandlers } from '../../../electron/core/create-core-handlers';
import { dispatchChannel } from '../../../electron/core/ipc/dispatch-channel';
import { readKeyFile } from '../../../electron/core/vault/keys/key-file';
import type { OsKeychain } from '../../../electron/core/vault/keys/os-keychain';
import { vaultLocation } from '../../../electron/core/vault/keys/vault-location';
import { unlockWithOsKeychain } from '../../../electron/core/vault/os-keychain-unlock';
import { createVaultGateway } from '../../../electron/core/vault/vault-gateway';
import { inProcessRpc } from '../../../electron/core/vault/worker/in-process-rpc';
import type { ChannelName } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/result';
import { createTestFileDialogs } from '../../helpers/test-file-dialogs';
import { fakeKeychain } from '../../unit/vault/fake-keychain';
import { TEST_SCRYPT } from './vault-fixture';

const passphrase = 'a long vault passphrase';
let dir: string;
let dataDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kp-keychain-'));
  dataDir = join(dir, 'data');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One run of the app: a fresh gateway over the same folder, as after a restart. */
function app(keychain: OsKeychain | undefined) {
  const gateway = inProcessRpc(
    createVaultGateway({
      dataDir,
      kdf: { N: 1024, r: 8, p: 1 },
      passwordHashing: TEST_SCRYPT,
    }),
  );
  const core = createCoreHandlers({
    runtime: keychain === undefined ? 'preview' : 'electron',
    version: 'test',
    vault: gateway,
    fileDialogs: createTestFileDialogs(join(dir, 'files')),
    ...(keychain === undefined ? {} : { keychain }),
  });
  const call = (channel: ChannelName, input: unknown = {}): Promise<Result<unknown>> =>
    dispatchChannel(core, channel, input, vi.fn());
  return { gateway, call };
}

const keyFileText = (): string => readFileSync(vaultLocation(dataDir).keyFilePath, 'utf8');
const wrapKinds = (): string[] =>
  readKeyFile(vaultLocation(dataDir).keyFilePath)
    .wraps.map((w) => w.kind)
    .sort();

async function createdVault(keychain: OsKeychain | undefined) {
  const first = app(keychain);
  const created = await first.call('vault:create', { passphrase });
  expect(created.ok).toBe(true);
  return first;
}

describe('vault:rememberOnThisComputer', () => {
  it('stores a keychain wrap that opens the vault after lock and restart', async () => {
    const keychain = fakeKeychain({ backend: 'gnome_libsecret' });
    const first = await createdVault(keychain);
    const remembered = await first.call('vault:rememberOnThisComputer', { passphrase });
    expect(remembered).toEqual({
      ok: true,
      value: { rememberedOnThisComputer: true, backend: 'gnome_libsecret' },
    });
    expect(wrapKinds()).toEqual(['keychain', 'passphrase', 'recovery']);
    // The backend that sealed it is recorded (a changed backend is refused, never trusted).
    const keyFile = readKeyFile(vaultLocation(dataDir).keyFilePath);
    const wrap = keyFile.wraps.find((w) => w.kind === 'keychain');
    expect(wrap).toMatchObject({ kind: 'keychain', backend: 'gnome_libsecret' });

    await first.call('vault:lock');
    expect(await first.gateway.status()).toMatchObject({ vault: 'locked' });

    // Start-up: a new gateway (a new worker) over the same folder, opened by the keychain alone.
    const restarted = app(keychain);
    const outcome = await unlockWithOsKeychain(restarted.gateway, keychain);
    expect(outcome).toEqual({ opened: true, backend: 'gnome_libsecret' });
    expect(await restarted.gateway.status()).toMatchObject({ vault: 'open' });
  });

  it('refuses a basic_text keychain and writes nothing', async () => {
    const keychain = fakeKeychain({ backend: 'basic_text', strong: false });
    const first = await createdVault(keychain);
    const before = keyFileText();
    const result = await first.call('vault:rememberOnThisComputer', { passphrase });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('KEY_UNAVAILABLE');
    expect(result.error.message).toContain('basic_text');
    expect(keyFileText()).toBe(before);
  });

  it('refuses a wrong passphrase and writes nothing', async () => {
    const keychain = fakeKeychain();
    const first = await createdVault(keychain);
    const before = keyFileText();
    const result = await first.call('vault:rememberOnThisComputer', {
      passphrase: 'not the passphrase at all',
    });
    expect(result.ok).toBe(false);
    expect(keyFileText()).toBe(before);
  });

  it('answers KEY_UNAVAILABLE in the preview, which has no keychain', async () => {
    const preview = await createdVault(undefined);
    const before = keyFileText();
    const result = await preview.call('vault:rememberOnThisComputer', { passphrase });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'KEY_UNAVAILABLE',
        message: "This computer's keychain is not available in the preview; use your passphrase.",
      },
    });
    expect(await preview.call('vault:forgetOnThisComputer')).toMatchObject({
      ok: false,
      error: { code: 'KEY_UNAVAILABLE' },
    });
    expect(keyFileText()).toBe(before);
  });
});

describe('vault:forgetOnThisComputer', () => {
  it('removes the keychain wrap; start-up then waits for the passphrase', async () => {
    const keychain = fakeKeychain();
    const first = await createdVault(keychain);
    await first.call('vault:rememberOnThisComputer', { passphrase });
    const forgotten = await first.call('vault:forgetOnThisComputer');
    expect(forgotten).toEqual({
      ok: true,
      value: { rememberedOnThisComputer: false, backend: null },
    });
    expect(wrapKinds()).toEqual(['passphrase', 'recovery']);
    await first.call('vault:lock');

    const restarted = app(keychain);
    const outcome = await unlockWithOsKeychain(restarted.gateway, keychain);
    expect(outcome.opened).toBe(false);
    expect(await restarted.gateway.status()).toMatchObject({ vault: 'locked' });
    expect(await restarted.call('vault:unlock', { passphrase })).toMatchObject({ ok: true });
  });
});

describe('vault:status rememberedOnThisComputer', () => {
  const remembered = async (call: ReturnType<typeof app>['call']): Promise<unknown> => {
    const status = await call('vault:status');
    return status.ok
      ? (status.value as { rememberedOnThisComputer: unknown }).rememberedOnThisComputer
      : status;
  };

  it('says whether the key file holds a keychain wrap, open or locked', async () => {
    const keychain = fakeKeychain();
    const first = app(keychain);
    expect(await remembered(first.call)).toBe(false); // no vault yet
    await first.call('vault:create', { passphrase });
    expect(await remembered(first.call)).toBe(false);

    await first.call('vault:rememberOnThisComputer', { passphrase });
    expect(await remembered(first.call)).toBe(true);
    await first.call('vault:lock');
    expect(await first.gateway.status()).toMatchObject({
      vault: 'locked',
      rememberedOnThisComputer: true,
    });
    // A new run over the same folder reads it from the key file, before any unlock.
    expect(await remembered(app(keychain).call)).toBe(true);

    await first.call('vault:forgetOnThisComputer');
    expect(wrapKinds()).toEqual(['passphrase', 'recovery']);
    expect(await remembered(first.call)).toBe(false);
    await first.call('vault:unlock', { passphrase });
    expect(await remembered(first.call)).toBe(false);
  });

  it('is false, not a failure, when the key file cannot be read', async () => {
    const first = await createdVault(fakeKeychain());
    await first.call('vault:rememberOnThisComputer', { passphrase });
    await first.call('vault:lock');
    writeFileSync(vaultLocation(dataDir).keyFilePath, 'not a key file');
    expect(await first.call('vault:status')).toMatchObject({
      ok: true,
      value: { vault: 'locked', rememberedOnThisComputer: false },
    });
  });
});

describe('start-up keychain unlock', () => {
  it('falls back to the passphrase when the backend became basic_text', async () => {
    const keychain = fakeKeychain({ backend: 'gnome_libsecret' });
    const first = await createdVault(keychain);
    await first.call('vault:rememberOnThisComputer', { passphrase });
    await first.call('vault:lock');

    keychain.setBackend('basic_text');
    keychain.setStrong(false);
    const restarted = app(keychain);
    const outcome = await unlockWithOsKeychain(restarted.gateway, keychain);
    expect(outcome).toMatchObject({ opened: false });
    if (outcome.opened) return;
    expect(outcome.reason).toContain('KEY_UNAVAILABLE');
    expect(await restarted.gateway.status()).toMatchObject({ vault: 'locked' });
  });

  it('leaves a first run (no vault) for the create screen', async () => {
    const outcome = await unlockWithOsKeychain(app(fakeKeychain()).gateway, fakeKeychain());
    expect(outcome).toMatchObject({ opened: false });
  });
});
