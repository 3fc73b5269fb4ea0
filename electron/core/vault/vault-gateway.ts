// The vault as the app sees it: one stateful object per data folder that creates or unlocks the
// encrypted vault, signs a person in, and serves the records on their behalf. The Electron main
// process reaches it through the vault worker (worker/vault-worker.ts), the preview host and the
// tests in-process; the renderer only ever through the IPC channels, never with an actor of its
// own making: the actor is the signed-in user held here.
import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { AppFailure } from '../app-failure';
import type { BackupProgress } from './backup/backup-format';
import { createBackup } from './backup/create-backup';
import type { BackupSummary } from './backup/create-backup';
import { changeVaultPassphrase } from './keys/change-vault-passphrase';
import { createVault } from './keys/create-vault';
import type { KdfCost } from './keys/passphrase-wrap';
import { readVaultKeyFile, unlockKey } from './keys/unlock-vault';
import { vaultLocation } from './keys/vault-location';
import { openDatabase } from './open-database';
import { parseInput } from './repositories/parse-input';
import type { ScryptParams } from './repositories/password-hash';
import type { User } from './repositories/user-repository';
import { createVaultServices } from './vault-services';
import type { VaultServices } from './vault-services';

export type VaultGatewayOptions = {
  dataDir: string;
  /** Lock after this long without a call (a setting; 15 minutes by default). */
  autoLockMinutes?: number;
  now?: () => Date;
  settings?: ValidationSettings;
  /** Only tests lower these; the defaults are never weakened. */
  kdf?: KdfCost;
  passwordHashing?: ScryptParams;
  onProgress?: (event: { operation: 'backup' } & BackupProgress) => void;
};

type Actor = { userId: number; role: User['role'] };
type Open = { db: Database; services: VaultServices };

const SecretSchema = z.union([
  z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
  z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
]);
const CreateSchema = z.object({ passphrase: z.string().max(1024) }).strict();
const KeySchema = z
  .object({ keyHex: z.string().regex(/^[0-9a-fA-F]{64}$/), create: z.boolean().default(false) })
  .strict();
const ChangePassphraseSchema = z
  .object({ currentPassphrase: z.string().min(1).max(1024), newPassphrase: z.string().max(1024) })
  .strict();
const IdSchema = z.object({ id: z.number().int().min(1) }).strict();
const BackupSchema = z.object({ path: z.string().min(1).max(4096) }).strict();

export function createVaultGateway(options: VaultGatewayOptions) {
  const now = options.now ?? (() => new Date());
  const idleMs = (options.autoLockMinutes ?? 15) * 60_000;
  const location = vaultLocation(options.dataDir);
  let open: Open | null = null;
  let user: User | null = null;
  let lastCall = now().getTime();

  function attach(db: Database): void {
    const services = createVaultServices(db, {
      now,
      ...(options.settings === undefined ? {} : { settings: options.settings }),
      ...(options.passwordHashing === undefined
        ? {}
        : { passwordHashing: options.passwordHashing }),
    });
    open = { db, services };
    user = null;
    lastCall = now().getTime();
  }

  function lock(): VaultStatus {
    open?.db.close();
    open = null;
    user = null;
    return status();
  }

  function lockIfIdle(): void {
    if (open !== null && now().getTime() - lastCall > idleMs) lock();
  }

  /** Every call passes here: an idle vault locks itself before anything is read. */
  function touch(): Open {
    lockIfIdle();
    if (open === null)
      throw new AppFailure('VAULT_LOCKED', 'The vault is locked. Unlock it with your passphrase.');
    lastCall = now().getTime();
    return open;
  }

  function signedIn(): { services: VaultServices; actor: Actor } {
    const { services } = touch();
    if (user === null) throw new AppFailure('AUTH_FAILED', 'Sign in first.');
    return { services, actor: { userId: user.id, role: user.role } };
  }

  function status(): VaultStatus {
    lockIfIdle();
    const current = user;
    return {
      vault: open !== null ? 'open' : existsSync(location.vaultPath) ? 'locked' : 'absent',
      user:
        current === null
          ? null
          : {
              userId: current.id,
              username: current.username,
              displayName: current.displayName,
              role: current.role,
            },
      needsFirstAdministrator: open !== null && open.services.users.count() === 0,
    };
  }

  /** A call made by the signed-in user; roles are checked by the issuance service. */
  const asUser =
    <R>(call: (services: VaultServices, actor: Actor, input: unknown) => R) =>
    (input: unknown): R => {
      const { services, actor } = signedIn();
      return call(services, actor, input);
    };

  const stockSummary = (services: VaultServices) => ({
    counts: services.stock.counts(),
    gaps: services.stock.gaps(),
  });

  return {
    status,
    lock,

    /** First run: the recovery key is returned once and is never stored in clear. */
    async create(input: unknown): Promise<{ recoveryKey: string; status: VaultStatus }> {
      const { passphrase } = parseInput(CreateSchema, input);
      if (open !== null) throw new AppFailure('CONFLICT', 'A vault is already open.');
      const created = await createVault({
        dir: options.dataDir,
        passphrase,
        ...(options.kdf === undefined ? {} : { kdf: options.kdf }),
      });
      attach(created.db);
      return { recoveryKey: created.recoveryKey, status: status() };
    },

    async unlock(input: unknown): Promise<VaultStatus> {
      const secret = parseInput(SecretSchema, input);
      if (open !== null) return status();
      const key = await unlockKey(readVaultKeyFile(options.dataDir), secret);
      try {
        attach(openDatabase(location.vaultPath, key, { create: false }));
      } finally {
        key.fill(0);
      }
      return status();
    },

    /** For main only, after the OS keychain unwrapped the key; never an IPC channel. */
    openWithKey(input: unknown): VaultStatus {
      const { keyHex, create } = parseInput(KeySchema, input);
      if (open !== null) throw new AppFailure('CONFLICT', 'A vault is already open.');
      attach(openDatabase(location.vaultPath, Buffer.from(keyHex, 'hex'), { create }));
      return status();
    },

    /** The passphrase guards the whole vault, so only an administrator changes it. */
    async changePassphrase(input: unknown): Promise<VaultStatus> {
      const { currentPassphrase, newPassphrase } = parseInput(ChangePassphraseSchema, input);
      const { actor } = signedIn();
      if (actor.role !== 'administrator')
        throw new AppFailure('FORBIDDEN', 'Only an administrator can change the vault passphrase.');
      await changeVaultPassphrase({
        dir: options.dataDir,
        currentPassphrase,
        newPassphrase,
        ...(options.kdf === undefined ? {} : { kdf: options.kdf }),
      });
      return status();
    },

    signIn(input: unknown): VaultStatus {
      user = touch().services.users.signIn(input);
      return status();
    },

    signOut(): VaultStatus {
      user = null;
      return status();
    },

    /** Only while the vault has no user; the new administrator is signed in. */
    createFirstAdministrator(input: unknown): VaultStatus {
      user = touch().services.issuance.createFirstAdministrator(input);
      return status();
    },

    licensee: {
      get: () => touch().services.licensee.get(),
      save: asUser((s, actor, input) => s.issuance.saveLicensee(actor, input)),
    },
    users: {
      list: asUser((s) => s.users.list()),
      create: asUser((s, actor, input) => s.issuance.createUser(actor, input)),
    },
    stock: {
      register: asUser((s, actor, input) => {
        s.issuance.registerStock(actor, input);
        return stockSummary(s);
      }),
      summary: asUser((s) => stockSummary(s)),
    },
    certificates: {
      createDraft: asUser((s, actor, input) => s.issuance.createDraft(actor, input)),
      updateDraft: asUser((s, actor, input) => s.issuance.updateDraft(actor, input)),
      recordItn: asUser((s, actor, input) => s.issuance.recordItn(actor, input)),
      issue: asUser((s, actor, input) => s.issuance.issue(actor, input)),
      ship: asUser((s, actor, input) => s.issuance.ship(actor, input)),
      deliver: asUser((s, actor, input) => s.issuance.deliver(actor, input)),
      void: asUser((s, actor, input) => s.issuance.void(actor, input)),
      get: asUser((s, _actor, input) => {
        const { id } = parseInput(IdSchema, input);
        const record = s.certificates.get(id);
        if (record === null)
          throw new AppFailure('NOT_FOUND', `There is no certificate with id ${String(id)}.`);
        return record;
      }),
      list: asUser((s, _actor, input) => s.certificates.list(input)),
    },
    audit: {
      verify: asUser((s) => s.audit.verify()),
    },

    /** Any signed-in user may back up (a reviewer too); the path comes from main, never the renderer. */
    backup(input: unknown): Promise<BackupSummary> {
      const { path } = parseInput(BackupSchema, input);
      signedIn();
      return createBackup(touch().db, {
        backupPath: path,
        // A vault opened with a bare key (tests, keychain) may have no key file beside it.
        ...(existsSync(location.keyFilePath) ? { keyFilePath: location.keyFilePath } : {}),
        onProgress: (progress) => options.onProgress?.({ operation: 'backup', ...progress }),
      });
    },
  };
}

export type VaultGateway = ReturnType<typeof createVaultGateway>;
