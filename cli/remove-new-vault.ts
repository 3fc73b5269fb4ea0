// Undoes a `kpdesk init` that did not finish (the recovery key was not confirmed, or writing it
// failed): the vault holds only what init just put in it, so removing it loses nothing, while
// keeping it would leave a vault whose recovery key nobody has. Only the files init created are
// removed, and the folder only if init created it and it is empty.
import { rmSync, rmdirSync } from 'node:fs';
import { vaultLocation, vaultSideFiles } from '../electron/core/vault/keys/vault-location';

export function removeNewVault(dir: string, dirExisted: boolean): void {
  const { vaultPath, keyFilePath } = vaultLocation(dir);
  for (const path of [vaultPath, ...vaultSideFiles(vaultPath), keyFilePath])
    rmSync(path, { force: true });
  if (!dirExisted)
    try {
      rmdirSync(dir);
    } catch {
      // Not empty: something else is in it now, and that is not ours to remove.
    }
}
