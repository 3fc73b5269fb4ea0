// The vault gateway's methods that open the vault (vault-gateway.ts keeps the open state and
// `attach`): first-run creation, unlocking with the passphrase or the recovery key, and, for main
// only, opening with the key the OS keychain unwrapped. Each refuses a vault already open.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { AppFailure } from '../app-failure';
import { createVault } from './keys/create-vault';
import type { KdfCost } from './keys/passphrase-wrap';
import { unlockVaultAndKey } from './keys/unlock-vault';
import { openDatabase } from './open-database';
import { parseInput } from './repositories/parse-input';

export type VaultOpenMethodsOptions = {
  dataDir: string;
  kdf?: KdfCost;
  /** The vault file (keys/vault-location.ts). */
  vaultPath: string;
  isOpen: () => boolean;
  /** The gateway's: holds the open connection and a copy of the key, then runs the unlock checks. */
  attach: (db: Database, key: Buffer) => void;
  status: () => VaultStatus;
};

const SecretSchema = z.union([
  z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
  z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
]);
const CreateSchema = z.object({ passphrase: z.string().max(1024) }).strict();
const KeySchema = z
  .object({ keyHex: z.string().regex(/^[0-9a-fA-F]{64}$/), create: z.boolean().default(false) })
  .strict();

export function vaultOpenMethods(options: VaultOpenMethodsOptions) {
  return {
    /** First run: the recovery key is returned once and is never stored in clear. */
    async create(input: unknown): Promise<{ recoveryKey: string; status: VaultStatus }> {
      const { passphrase } = parseInput(CreateSchema, input);
      if (options.isOpen()) throw new AppFailure('CONFLICT', 'A vault is already open.');
      const created = await createVault({
        dir: options.dataDir,
        passphrase,
        ...(options.kdf === undefined ? {} : { kdf: options.kdf }),
      });
      try {
        options.attach(created.db, created.key);
      } finally {
        created.key.fill(0);
      }
      return { recoveryKey: created.recoveryKey, status: options.status() };
    },

    async unlock(input: unknown): Promise<VaultStatus> {
      const secret = parseInput(SecretSchema, input);
      if (options.isOpen()) return options.status();
      // unlockVaultAndKey also completes a rekey interrupted by a crash (keys/rekey-vault.ts).
      const { db, key } = await unlockVaultAndKey({ dir: options.dataDir, secret });
      try {
        options.attach(db, key);
      } finally {
        key.fill(0);
      }
      return options.status();
    },

    /** For main only, after the OS keychain unwrapped the key; never an IPC channel. */
    openWithKey(input: unknown): VaultStatus {
      const { keyHex, create } = parseInput(KeySchema, input);
      if (options.isOpen()) throw new AppFailure('CONFLICT', 'A vault is already open.');
      const key = Buffer.from(keyHex, 'hex');
      options.attach(openDatabase(options.vaultPath, key, { create }), key);
      key.fill(0);
      return options.status();
    },
  };
}
