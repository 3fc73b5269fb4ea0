// Where the vault lives inside a data directory: the SQLCipher file and, next to it, its key file.
import { join } from 'node:path';

export const VAULT_FILE_NAME = 'kpdesk-vault.kpdb';

export type VaultLocation = { dir: string; vaultPath: string; keyFilePath: string };

export function vaultLocation(dir: string): VaultLocation {
  const vaultPath = join(dir, VAULT_FILE_NAME);
  return { dir, vaultPath, keyFilePath: `${vaultPath}.keys.json` };
}

/** The files SQLite keeps beside the vault in WAL mode; they belong to it. */
export function vaultSideFiles(vaultPath: string): string[] {
  return [`${vaultPath}-wal`, `${vaultPath}-shm`, `${vaultPath}-journal`];
}
