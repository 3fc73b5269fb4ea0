// A real encrypted vault for the BUILT kpdesk, made in-process with the test-size scrypt cost
// (recorded in its key file, so unlocking stays fast): an administrator (ada), an operator (otto)
// and a reviewer (rita), all with the same password, a licensee profile (by default a common
// carrier) and a stock of forms; a test may add its own records in the same session (`seed`),
// on its own clock (`now`). The CLI runs as a script runs it: a child process, secrets in
// environment variables, no terminal, HOME in the temp folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { unlockVault } from '../../electron/core/vault/keys/unlock-vault';
import type { Actor } from '../../electron/core/issuance/actor';
import type { VaultServices } from '../../electron/core/vault/vault-services';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import type { AppError } from '../../shared/errors';
import type { BuiltCli, Outcome } from './cli-built';
import { runLauncher } from './cli-built';

export const PASSPHRASE = 'correct horse battery staple';
export const PASSWORD = 'a user password 42';
export const TEST_KDF = { N: 1024, r: 8, p: 1 };
export const LICENSEE = 'Atlas Secure Logistics Inc.';

export type CliTestVault = {
  work: string;
  vaultDir: string;
  /** Runs the built CLI in `work` with the vault's secrets in the environment. */
  kpdesk: (args: string[], env?: Record<string, string>) => Promise<Outcome>;
  /** Opens the vault in-process for a look (or a change) and closes it again. */
  withVault: <R>(use: (services: VaultServices, db: Database) => R) => Promise<R>;
  remove: () => Promise<void>;
};

export type CliTestLicensee = {
  legalName: string;
  address: string;
  tin: string;
  isCommonCarrier: boolean;
};

export type CliTestVaultOptions = {
  /** The licensee profile; by default LICENSEE, a common carrier. */
  licensee?: CliTestLicensee;
  /** The description the stock is registered with. */
  stockDescription?: string;
  /** The clock of the set-up session (audit times, dates of issue); by default the real one. */
  now?: () => Date;
  /** Records the test needs, made in the set-up session before the vault closes. */
  seed?: (services: VaultServices, admin: Actor) => void;
};

const CARRIER: CliTestLicensee = {
  legalName: LICENSEE,
  address: '1 Carrier Plaza, New York, NY 10001, United States',
  tin: '98-7654321',
  isCommonCarrier: true,
};

/** A licensee that is its own exporter (not a carrier), as validDraft's exporter. */
export const HUDSON_LICENSEE: CliTestLicensee = {
  legalName: 'Hudson Rough Diamond Trading LLC',
  address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
  tin: '12-3456789',
  isCommonCarrier: false,
};

export const errorOf = (outcome: Outcome): AppError =>
  (JSON.parse(outcome.stdout) as { error: AppError }).error;

export async function makeCliTestVault(
  cli: () => BuiltCli | undefined,
  label: string,
  stock: string,
  options: CliTestVaultOptions = {},
): Promise<CliTestVault> {
  const work = await mkdtemp(join(tmpdir(), `kpdesk-${label}-`));
  const vaultDir = join(work, 'vault');
  const created = await createVault({ dir: vaultDir, passphrase: PASSPHRASE, kdf: TEST_KDF });
  const services = createVaultServices(created.db, {
    passwordHashing: TEST_KDF,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const first = services.issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  const admin = { userId: first.id, role: 'administrator' as const };
  for (const [username, role] of [
    ['otto', 'operator'],
    ['rita', 'reviewer'],
  ] as const)
    services.issuance.createUser(admin, {
      username,
      displayName: username,
      role,
      password: PASSWORD,
    });
  services.issuance.saveLicensee(admin, options.licensee ?? CARRIER);
  services.issuance.registerStock(admin, {
    numbers: stock,
    ...(options.stockDescription === undefined ? {} : { description: options.stockDescription }),
  });
  options.seed?.(services, admin);
  created.db.close();

  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('KPDESK_')),
  );
  return {
    work,
    vaultDir,
    kpdesk: (args, extra = {}) => {
      const built = cli();
      if (built === undefined) throw new Error('CLI not built');
      return runLauncher(built.launcher, [...args, '--dir', vaultDir], {
        cwd: work,
        env: {
          ...env,
          HOME: work,
          KPDESK_PASSPHRASE: PASSPHRASE,
          KPDESK_PASSWORD: PASSWORD,
          ...extra,
        },
      });
    },
    withVault: async (use) => {
      const db = await unlockVault({ dir: vaultDir, secret: { passphrase: PASSPHRASE } });
      try {
        return await use(createVaultServices(db, { passwordHashing: TEST_KDF }), db);
      } finally {
        db.close();
      }
    },
    remove: () => rm(work, { recursive: true, force: true }),
  };
}
