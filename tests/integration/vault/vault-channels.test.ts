// The vault's IPC channels end to end, as the renderer reaches them: dispatchChannel (the path of
// both Electron IPC and the preview bridge) → the core handlers → the vault gateway → a real
// encrypted vault on disk. The renderer never names an actor: main acts as the signed-in user.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoreHandlers } from '../../../electron/core/create-core-handlers';
import type { CoreHandlers } from '../../../electron/core/ipc/core-handlers';
import { dispatchChannel } from '../../../electron/core/ipc/dispatch-channel';
import { createVaultGateway } from '../../../electron/core/vault/vault-gateway';
import { inProcessRpc } from '../../../electron/core/vault/worker/in-process-rpc';
import type { ChannelName } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/result';
import { validDraft } from '../../unit/domain/certificate-fixtures';
import { createTestFileDialogs } from '../../helpers/test-file-dialogs';
import { TEST_SCRYPT } from './vault-fixture';

let dir: string;
let clock: { now: Date };
let core: CoreHandlers;
const log = vi.fn();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kp-channels-'));
  clock = { now: new Date('2026-11-27T10:00:00Z') };
  const gateway = createVaultGateway({
    dataDir: join(dir, 'data'),
    now: () => clock.now,
    autoLockMinutes: 10,
    kdf: { N: 1024, r: 8, p: 1 },
    passwordHashing: TEST_SCRYPT,
  });
  core = createCoreHandlers({
    runtime: 'preview',
    version: 'test',
    vault: inProcessRpc(gateway),
    fileDialogs: createTestFileDialogs(join(dir, 'files')),
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const call = (channel: ChannelName, input: unknown): Promise<Result<unknown>> =>
  dispatchChannel(core, channel, input, log);

async function value<T = Record<string, unknown>>(
  channel: ChannelName,
  input: unknown = {},
): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function code(channel: ChannelName, input: unknown = {}): Promise<string> {
  const result = await call(channel, input);
  return result.ok ? 'ok' : result.error.code;
}

const passphrase = 'a long vault passphrase';
const admin = { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' };

async function firstRun(): Promise<string> {
  const created = await value<{ recoveryKey: string }>('vault:create', { passphrase });
  await value('users:createFirstAdministrator', admin);
  await value('vault:confirmRecoveryKey', { recoveryKey: created.recoveryKey });
  await value('licensee:save', {
    legalName: 'Hudson Rough Trading LLC',
    address: '580 Fifth Avenue, New York, NY 10036, United States',
    tin: '12-3456789',
    isCommonCarrier: true,
  });
  return created.recoveryKey;
}

describe('the vault channels', () => {
  it('take a certificate from first run to shipped, and the audit chain holds', async () => {
    expect(await value('vault:status')).toEqual({
      vault: 'absent',
      user: null,
      needsFirstAdministrator: false,
      recoveryKeyConfirmed: false,
      rememberedOnThisComputer: false,
    });
    const recoveryKey = await firstRun();
    expect(recoveryKey).toMatch(/^KPR-/);
    expect(await value('stock:register', { numbers: 'US12345-US12349' })).toMatchObject({
      counts: { available: 5, used: 0, voided: 0 },
    });

    const draft = await value<{ id: number; state: string }>('certificates:createDraft', {
      number: 'US12345',
      draft: validDraft(),
    });
    expect(draft.state).toBe('DRAFT');
    await value('certificates:recordItn', { id: draft.id, itn: 'X20261127123456' });
    const issued = await value<{ state: string }>('certificates:issue', {
      id: draft.id,
      attested: true,
      packaging: {
        description: '2 parcels in a sealed tamper-evident box',
        sealNumbers: ['S-1001'],
      },
      warranty: {
        statement: 'The diamonds herein invoiced have been purchased from legitimate sources…',
        invoiceNumbers: ['INV-77'],
      },
    });
    expect(issued.state).toBe('ISSUED');
    // Shipped the day it is issued: the clock stands on 2026-11-27 (rule 8).
    expect(
      await value('certificates:ship', { id: draft.id, shipDate: '2026-11-27' }),
    ).toMatchObject({ state: 'SHIPPED', shipDate: '2026-11-27' });

    const page = await value<{ items: { number: string; state: string }[] }>('certificates:list', {
      state: 'SHIPPED',
    });
    expect(page.items.map((i) => [i.number, i.state])).toEqual([['US12345', 'SHIPPED']]);
    expect(await value('audit:verify')).toMatchObject({ ok: true });
    expect(await value('stock:summary')).toMatchObject({
      counts: { available: 4, used: 1, voided: 0 },
    });
  });

  it('refuses what the rules or the lifecycle forbid, with a typed code and nothing changed', async () => {
    await firstRun();
    await value('stock:register', { numbers: 'US12345-US12346' });
    expect(
      await code('certificates:createDraft', {
        number: 'US99999',
        draft: { ...validDraft(), number: '' },
      }),
    ).toBe('STOCK_NUMBER_UNAVAILABLE');
    const bad = await value<{ id: number }>('certificates:createDraft', {
      number: 'US12345',
      draft: { ...validDraft(), countryOfOrigin: 'US' },
    });
    await value('certificates:recordItn', { id: bad.id, itn: 'X20261127123456' });
    const refused = await call('certificates:issue', {
      id: bad.id,
      attested: true,
      packaging: { description: 'sealed box' },
      warranty: { statement: 'warranty' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_HAS_ERRORS' } });
    expect(!refused.ok && Object.keys(refused.error.fields ?? {})).toContain('countryOfOrigin');
    expect(await code('certificates:ship', { id: bad.id, shipDate: '2026-11-27' })).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(await value('certificates:get', { id: bad.id })).toMatchObject({ state: 'VALIDATED' });
    // A payload outside the schema never reaches the vault.
    expect(
      await code('certificates:void', {
        id: bad.id,
        reason: 'Printer error',
        actor: { userId: 1, role: 'administrator' },
      }),
    ).toBe('INVALID_INPUT');
  });

  it('needs the vault unlocked and a person signed in, and locks itself when idle', async () => {
    expect(await code('stock:summary')).toBe('VAULT_LOCKED');
    await firstRun();
    await value('session:signOut');
    expect(await code('stock:summary')).toBe('AUTH_FAILED');
    expect(await code('session:signIn', { username: 'ada', password: 'wrong password!!' })).toBe(
      'AUTH_FAILED',
    );
    await value('session:signIn', { username: 'ada', password: admin.password });
    expect(await code('stock:summary')).toBe('ok');

    clock.now = new Date(clock.now.getTime() + 11 * 60_000);
    expect(await value('vault:status')).toMatchObject({ vault: 'locked', user: null });
    expect(await code('stock:summary')).toBe('VAULT_LOCKED');
    expect(await code('vault:unlock', { passphrase: 'not the passphrase' })).toBe(
      'VAULT_KEY_INVALID',
    );
    expect(await value('vault:unlock', { passphrase })).toMatchObject({
      vault: 'open',
      user: null,
    });
  });

  it('lets an administrator change the passphrase; the old one stops working', async () => {
    await firstRun();
    const newPassphrase = 'another long vault passphrase';
    expect(
      await code('vault:changePassphrase', {
        currentPassphrase: 'wrong passphrase',
        newPassphrase,
      }),
    ).toBe('VAULT_KEY_INVALID');
    expect(
      await code('vault:changePassphrase', {
        currentPassphrase: passphrase,
        newPassphrase: 'short',
      }),
    ).toBe('INVALID_INPUT');
    await value('vault:changePassphrase', { currentPassphrase: passphrase, newPassphrase });
    await value('vault:lock');
    expect(await code('vault:unlock', { passphrase })).toBe('VAULT_KEY_INVALID');
    expect(await value('vault:unlock', { passphrase: newPassphrase })).toMatchObject({
      vault: 'open',
    });
  });

  it('unlocks with the recovery key', async () => {
    const recoveryKey = await firstRun();
    await value('vault:lock');
    expect(await value('vault:unlock', { recoveryKey })).toMatchObject({ vault: 'open' });
  });
});
