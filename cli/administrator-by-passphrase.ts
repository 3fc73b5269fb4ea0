// How `kpdesk rekey` and `kpdesk recovery-key rotate` open the vault. Both change what unlocks
// it, so both need the vault passphrase itself (never the recovery key) and an administrator: the
// role is checked here, before the slow key work (the issuance service checks it again when it
// records the change), and the vault is closed whatever happens. The new recovery key goes to a
// new file only (--recovery-key-out), never over an existing one.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../electron/core/app-failure';
import type { Actor } from '../electron/core/issuance/actor';
import { readVaultKeyFile, unlockVault } from '../electron/core/vault/keys/unlock-vault';
import type { VaultServices } from '../electron/core/vault/vault-services';
import { createVaultServices } from '../electron/core/vault/vault-services';
import type { CliIo } from './cli-io';
import { usageFailure } from './command-outcome';
import type { SignInValues } from './sign-in-from-options';
import { signInFromOptions } from './sign-in-from-options';
import type { UnlockValues } from './unlock-from-options';
import { readVaultSecret } from './unlock-from-options';
import { resolveVaultDir } from './vault-dir';

export type AdministratorSession = {
  dir: string;
  db: Database;
  services: VaultServices;
  actor: Actor;
  /** The vault passphrase the key work needs (the new key is made under it). */
  passphrase: string;
};

/** --recovery-key-out resolved against the working folder, refused when the file exists. */
export function newRecoveryKeyFile(named: string, io: Pick<CliIo, 'cwd'>): string {
  const out = resolve(io.cwd, named);
  if (existsSync(out))
    throw usageFailure(`${named} already exists; the recovery key is never written over a file.`, {
      '--recovery-key-out': 'already exists',
    });
  return out;
}

/** `forbidden` is what anyone else is told. */
export async function withAdministratorByPassphrase<T>(
  values: UnlockValues & SignInValues,
  io: CliIo,
  forbidden: string,
  use: (session: AdministratorSession) => Promise<T>,
): Promise<T> {
  const dir = resolveVaultDir(values.dir, io.env, io.cwd);
  readVaultKeyFile(dir);
  const secret = await readVaultSecret(values, io);
  if (!('passphrase' in secret)) throw new Error('readVaultSecret: expected a passphrase');
  const db = await unlockVault({ dir, secret });
  try {
    const services = createVaultServices(db);
    const actor = await signInFromOptions(services, values, io);
    if (actor.role !== 'administrator') throw new AppFailure('FORBIDDEN', forbidden);
    return await use({ dir, db, services, actor, passphrase: secret.passphrase });
  } finally {
    db.close();
  }
}
