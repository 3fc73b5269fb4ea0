// The vault channels as the renderer reaches them, for service-level tests: dispatchChannel (the
// path of Electron IPC and the preview bridge) → the core handlers → the vault gateway → a real
// encrypted vault in a temp folder. Cheap scrypt costs (tests only) and a settable clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreOptions } from '../../electron/core/create-core-handlers';
import { createCoreHandlers } from '../../electron/core/create-core-handlers';
import type { CoreHandlers } from '../../electron/core/ipc/core-handlers';
import { dispatchChannel } from '../../electron/core/ipc/dispatch-channel';
import { createTaskProgressTracker } from '../../electron/core/tasks/task-progress';
import { createVaultGateway } from '../../electron/core/vault/vault-gateway';
import type { VaultGatewayOptions } from '../../electron/core/vault/vault-gateway';
import { inProcessRpc } from '../../electron/core/vault/worker/in-process-rpc';
import type { ChannelName } from '../../shared/ipc/channels';
import type { Result } from '../../shared/result';
import { validDraft } from '../unit/domain/certificate-fixtures';
import { createTestFileDialogs } from './test-file-dialogs';
import type { TestFileDialogs } from './test-file-dialogs';

export const HARNESS_PASSPHRASE = 'a long vault passphrase';
export const HARNESS_PASSWORD = 'correct horse battery';

export type ChannelHarness = {
  dir: string;
  dataDir: string;
  clock: { now: Date };
  core: CoreHandlers;
  dialogs: TestFileDialogs;
  call: (channel: ChannelName, input?: unknown) => Promise<Result<unknown>>;
  value: <T = Record<string, unknown>>(channel: ChannelName, input?: unknown) => Promise<T>;
  code: (channel: ChannelName, input?: unknown) => Promise<string>;
  /** Creates the vault, its administrator "ada" (signed in), the licensee; confirms the key. */
  firstRun: (options?: { confirm?: boolean }) => Promise<string>;
  /** Creates a user as the signed-in administrator and returns its id. */
  addUser: (username: string, role: 'operator' | 'administrator' | 'reviewer') => Promise<number>;
  signInAs: (username: string) => Promise<void>;
  /** Registers US12345-US12349 and issues the valid fixture on US12345; returns its id. */
  issueFixture: () => Promise<number>;
  dispose: () => void;
};

export function createChannelHarness(
  gatewayOptions: Partial<VaultGatewayOptions> = {},
  /** `keychain`: an OS keychain (a fake of the operating system's) makes it Electron's core. */
  coreOptions: Partial<
    Pick<
      CoreOptions,
      'fileDialogs' | 'keychain' | 'signingKeychain' | 'preferences' | 'temporaryVault'
    >
  > = {},
): ChannelHarness {
  const dir = mkdtempSync(join(tmpdir(), 'kp-harness-'));
  const dataDir = join(dir, 'data');
  const clock = { now: new Date('2026-11-27T10:00:00Z') };
  const dialogs = createTestFileDialogs(join(dir, 'files'));
  const taskProgress = createTaskProgressTracker();
  const gateway = createVaultGateway({
    dataDir,
    onProgress: taskProgress.report,
    now: () => clock.now,
    kdf: { N: 1024, r: 8, p: 1 },
    passwordHashing: { N: 1024, r: 8, p: 1 },
    ...gatewayOptions,
  });
  const core = createCoreHandlers({
    runtime: coreOptions.keychain === undefined ? 'preview' : 'electron',
    version: 'test',
    vault: inProcessRpc(gateway),
    fileDialogs: coreOptions.fileDialogs ?? dialogs,
    taskProgress,
    ...(coreOptions.keychain === undefined ? {} : { keychain: coreOptions.keychain }),
    ...(coreOptions.signingKeychain === undefined
      ? {}
      : { signingKeychain: coreOptions.signingKeychain }),
    ...(coreOptions.preferences === undefined ? {} : { preferences: coreOptions.preferences }),
    ...(coreOptions.temporaryVault === undefined
      ? {}
      : { temporaryVault: coreOptions.temporaryVault }),
  });
  const log = (message: string, detail: unknown) => {
    throw new Error(`${message}: ${JSON.stringify(detail)}`);
  };
  const call = (channel: ChannelName, input: unknown = {}) =>
    dispatchChannel(core, channel, input, log);
  const value = async <T>(channel: ChannelName, input: unknown = {}): Promise<T> => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const code = async (channel: ChannelName, input: unknown = {}) => {
    const result = await call(channel, input);
    return result.ok ? 'ok' : result.error.code;
  };
  const signInAs = async (username: string) => {
    await value('session:signIn', { username, password: HARNESS_PASSWORD });
  };
  return {
    dir,
    dataDir,
    clock,
    core,
    dialogs,
    call,
    value,
    code,
    signInAs,
    issueFixture: async () => {
      await value('stock:register', { numbers: 'US12345-US12349' });
      const draft = await value<{ id: number }>('certificates:createDraft', {
        number: 'US12345',
        draft: validDraft(),
      });
      await value('certificates:recordItn', { id: draft.id, itn: 'X20261127123456' });
      await value('certificates:issue', {
        id: draft.id,
        attested: true,
        packaging: { description: '2 parcels in a sealed box', sealNumbers: ['S-1'] },
        warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-1'] },
      });
      return draft.id;
    },
    firstRun: async (options = {}) => {
      const created = await value<{ recoveryKey: string }>('vault:create', {
        passphrase: HARNESS_PASSPHRASE,
      });
      await value('users:createFirstAdministrator', {
        username: 'ada',
        displayName: 'Ada Admin',
        password: HARNESS_PASSWORD,
      });
      if (options.confirm !== false)
        await value('vault:confirmRecoveryKey', { recoveryKey: created.recoveryKey });
      if (options.confirm !== false)
        await value('licensee:save', {
          legalName: 'Hudson Rough Trading LLC',
          address: '580 Fifth Avenue, New York, NY 10036, United States',
          tin: '12-3456789',
          isCommonCarrier: true,
        });
      return created.recoveryKey;
    },
    addUser: async (username, role) => {
      const user = await value<{ id: number }>('users:create', {
        username,
        displayName: `${username} (${role})`,
        role,
        password: HARNESS_PASSWORD,
      });
      return user.id;
    },
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
