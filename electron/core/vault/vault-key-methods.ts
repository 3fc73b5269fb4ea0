// The vault gateway's methods on the vault's own secrets: changing the passphrase, confirming the
// recovery key shown once, and replacing the recovery key. The key file holds the wraps (keys/);
// the vault records, audited, that a recovery key was confirmed or replaced. Only an
// administrator changes a secret: each guards the whole vault.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { AppFailure } from '../app-failure';
import type { Actor } from '../issuance/actor';
import { changeVaultPassphrase } from './keys/change-vault-passphrase';
import { checkRecoveryKey } from './keys/check-recovery-key';
import type { KdfCost } from './keys/passphrase-wrap';
import { rekeyVault } from './keys/rekey-vault';
import type { RekeyProgress } from './keys/rekey-vault';
import { rotateVaultRecoveryKey } from './keys/rotate-recovery-key';
import { parseInput } from './repositories/parse-input';
import type { VaultServices } from './vault-services';

const ChangePassphraseSchema = z
  .object({ currentPassphrase: z.string().min(1).max(1024), newPassphrase: z.string().max(1024) })
  .strict();
const ConfirmRecoveryKeySchema = z.object({ recoveryKey: z.string().min(1).max(200) }).strict();
const RotateRecoveryKeySchema = z
  .object({ currentPassphrase: z.string().min(1).max(1024) })
  .strict();

export type VaultKeyMethodDeps = {
  dataDir: string;
  kdf?: KdfCost;
  /** The open vault (VAULT_LOCKED otherwise), as the gateway's every call checks it. */
  touch: () => { services: VaultServices };
  /** The open vault and its signed-in user (AUTH_FAILED otherwise). */
  signedIn: () => { services: VaultServices; actor: Actor };
  /** The signed-in user's id, or null (the recovery key may be confirmed before any user). */
  userId: () => number | null;
  status: () => VaultStatus;
  /** The open vault's connection (its only one), for a rekey. */
  db: () => Database;
  /** Locks the vault: after a rekey the key held in memory is the old one. */
  lock: () => void;
  /** How far a rekey has come (tasks:progress, for Settings → Re-encrypt the vault). */
  onProgress?: (progress: RekeyProgress) => void;
};

function requireAdministrator(actor: Actor, what: string): void {
  if (actor.role !== 'administrator')
    throw new AppFailure('FORBIDDEN', `Only an administrator can ${what}.`);
}

export function vaultKeyMethods(deps: VaultKeyMethodDeps) {
  const kdf = deps.kdf === undefined ? {} : { kdf: deps.kdf };
  return {
    async changePassphrase(input: unknown): Promise<VaultStatus> {
      const { currentPassphrase, newPassphrase } = parseInput(ChangePassphraseSchema, input);
      requireAdministrator(deps.signedIn().actor, 'change the vault passphrase');
      await changeVaultPassphrase({ dir: deps.dataDir, currentPassphrase, newPassphrase, ...kdf });
      return deps.status();
    },

    /**
     * The user types the recovery key back in full (after first run, or after a replacement). It
     * is checked against the key file (it must unwrap this vault's key), then the confirmation
     * is recorded and audited.
     */
    async confirmRecoveryKey(input: unknown): Promise<VaultStatus> {
      const { recoveryKey } = parseInput(ConfirmRecoveryKeySchema, input);
      deps.touch();
      await checkRecoveryKey(deps.dataDir, recoveryKey);
      // The scrypt work above yields: the vault may have been locked meanwhile.
      deps.touch().services.issuance.recordRecoveryKeyConfirmed(deps.userId());
      return deps.status();
    },

    /**
     * A new recovery key in place of the old one, proved by the current passphrase. It is
     * returned once, and the status shows it unconfirmed (records closed) until it is typed back
     * through confirmRecoveryKey.
     */
    async rotateRecoveryKey(input: unknown): Promise<{ recoveryKey: string; status: VaultStatus }> {
      const { currentPassphrase } = parseInput(RotateRecoveryKeySchema, input);
      const { actor } = deps.signedIn();
      requireAdministrator(actor, 'replace the recovery key');
      const recoveryKey = await rotateVaultRecoveryKey({
        dir: deps.dataDir,
        currentPassphrase,
        ...kdf,
        // After the scrypt work: the vault may have been locked, or the user signed out, meanwhile.
        // The service checks the role again, in the transaction that records the replacement.
        record: (replace) => {
          const session = deps.signedIn();
          session.services.issuance.recordRecoveryKeyRotated(session.actor, replace);
        },
      });
      return { recoveryKey, status: deps.status() };
    },

    /**
     * Re-encrypts the vault under a new key with a new recovery key (keys/rekey-vault.ts),
     * proved by the current passphrase; administrators only. The vault is then locked (the key
     * held while it was open is the old one): unlock with the same passphrase, then type the new
     * recovery key back. Old backups keep the old key.
     */
    async rekey(input: unknown): Promise<{ recoveryKey: string; status: VaultStatus }> {
      const { currentPassphrase } = parseInput(RotateRecoveryKeySchema, input);
      requireAdministrator(deps.signedIn().actor, 're-key the vault');
      const { recoveryKey } = await rekeyVault({
        dir: deps.dataDir,
        db: deps.db(),
        currentPassphrase,
        ...kdf,
        ...(deps.onProgress === undefined ? {} : { onProgress: deps.onProgress }),
        record: (install) => {
          const session = deps.signedIn();
          session.services.issuance.recordVaultRekeyed(session.actor, install);
        },
      });
      deps.lock();
      return { recoveryKey, status: deps.status() };
    },
  };
}
