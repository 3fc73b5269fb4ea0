// Opening the vault for a command: the folder from --dir / KPDESK_VAULT_DIR / the data folder,
// the secret from --recovery-key-file, or else the passphrase (--passphrase-file,
// KPDESK_PASSPHRASE, or the prompt). A wrong secret fails before the database is touched
// (electron/core/vault/keys/unlock-vault.ts), so it changes no file.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { VaultSecret } from '../electron/core/vault/keys/unlock-vault';
import { readVaultKeyFile, unlockVaultAndKey } from '../electron/core/vault/keys/unlock-vault';
import type { CliIo } from './cli-io';
import { readSecret } from './read-secret';
import { resolveVaultDir } from './vault-dir';

export const PASSPHRASE_ENV = 'KPDESK_PASSPHRASE';

/** The parseArgs options every command that unlocks the vault accepts. */
export const unlockOptions = {
  dir: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'recovery-key-file': { type: 'string' },
} as const;

export type UnlockValues = {
  dir?: string | undefined;
  'passphrase-file'?: string | undefined;
  'recovery-key-file'?: string | undefined;
};

export const unlockHelp = `  --dir <folder>              The vault folder (default: $KPDESK_VAULT_DIR, else the
                              per-user data folder, see docs/cli.md).
  --passphrase-file <file>    Read the vault passphrase from a file (else $${PASSPHRASE_ENV},
                              else a prompt).
  --recovery-key-file <file>  Unlock with the recovery key in a file instead.`;

export async function readVaultSecret(values: UnlockValues, io: CliIo): Promise<VaultSecret> {
  const recoveryKeyFile = values['recovery-key-file'];
  if (recoveryKeyFile !== undefined) {
    const recoveryKey = await readSecret(
      {
        label: 'recovery key',
        fileOption: '--recovery-key-file',
        file: recoveryKeyFile,
        envVar: undefined,
      },
      io,
    );
    return { recoveryKey };
  }
  const passphrase = await readSecret(
    {
      label: 'vault passphrase',
      fileOption: '--passphrase-file',
      file: values['passphrase-file'],
      envVar: PASSPHRASE_ENV,
    },
    io,
  );
  return { passphrase };
}

export async function unlockFromOptions(
  values: UnlockValues,
  io: CliIo,
): Promise<{ dir: string; db: Database; key: Buffer }> {
  const dir = resolveVaultDir(values.dir, io.env, io.cwd);
  // A missing vault is said before the user is asked for a passphrase it could not use.
  readVaultKeyFile(dir);
  const secret = await readVaultSecret(values, io);
  return { dir, ...(await unlockVaultAndKey({ dir, secret })) };
}

/** Runs `use` on the unlocked vault and always closes it (checkpointing the WAL). */
export async function withUnlockedVault<R>(
  values: UnlockValues,
  io: CliIo,
  use: (db: Database, dir: string, key: Buffer) => Promise<R> | R,
): Promise<R> {
  const { dir, db, key } = await unlockFromOptions(values, io);
  try {
    return await use(db, dir, key);
  } finally {
    key.fill(0);
    db.close();
  }
}
