// The key file's side of "remember on this computer", run where the vault is (the worker): prove
// the passphrase and hand the database key to main, store the keychain wrap main made, read it
// back at start-up, or remove it. The OS keychain itself lives only in main (electron/shell), so
// the sealing happens there (os-keychain-unlock.ts); these calls are never IPC channels.
import { z } from 'zod';
import { AppFailure, isAppFailure } from '../../app-failure';
import { parseInput } from '../repositories/parse-input';
import type { KeychainWrap } from './key-file';
import { KeychainWrapSchema, writeKeyFile } from './key-file';
import { readVaultKeyFile, unlockKey } from './unlock-vault';
import { removeKeychainWrap } from './vault-keys';
import { vaultLocation } from './vault-location';

const PassphraseSchema = z.object({ passphrase: z.string().min(1).max(1024) }).strict();
const SaveSchema = z.object({ vaultId: z.uuid(), wrap: KeychainWrapSchema }).strict();

export type KeychainKeyFile = ReturnType<typeof keychainKeyFile>;

export function keychainKeyFile(dir: string) {
  const keyFilePath = (): string => vaultLocation(dir).keyFilePath;
  function readWrap(): { vaultId: string; wrap: KeychainWrap | null } {
    const keyFile = readVaultKeyFile(dir);
    const wrap = keyFile.wraps.find((w): w is KeychainWrap => w.kind === 'keychain');
    return { vaultId: keyFile.vaultId, wrap: wrap ?? null };
  }
  return {
    /** The database key, once the passphrase has unwrapped it; for main to seal, never logged. */
    async keyForKeychain(input: unknown): Promise<{ vaultId: string; keyHex: string }> {
      const { passphrase } = parseInput(PassphraseSchema, input);
      const keyFile = readVaultKeyFile(dir);
      const key = await unlockKey(keyFile, { passphrase });
      try {
        return { vaultId: keyFile.vaultId, keyHex: key.toString('hex') };
      } finally {
        key.fill(0);
      }
    },

    /** Adds (or replaces) the keychain wrap; refused if the key file now belongs to another vault. */
    saveWrap(input: unknown): void {
      const { vaultId, wrap } = parseInput(SaveSchema, input);
      const keyFile = readVaultKeyFile(dir);
      if (keyFile.vaultId !== vaultId)
        throw new AppFailure(
          'CONFLICT',
          'The vault was replaced while its key was being stored in the keychain. Nothing was stored; try again.',
        );
      const others = keyFile.wraps.filter((w) => w.kind !== 'keychain');
      writeKeyFile(keyFilePath(), { ...keyFile, wraps: [...others, wrap] });
    },

    /** The keychain wrap, or null when the key is not stored in this computer's keychain. */
    readWrap,

    /**
     * For VaultStatus: whether the key file holds a keychain wrap, locked or open. false with no
     * vault or a key file that cannot be read (unlocking says why); the keychain is not asked.
     */
    isRemembered(): boolean {
      try {
        return readWrap().wrap !== null;
      } catch (error: unknown) {
        if (isAppFailure(error)) return false;
        throw error;
      }
    },

    /** Removes the keychain wrap (the passphrase and recovery key still open the vault). */
    removeWrap(): void {
      const keyFile = readVaultKeyFile(dir);
      if (!keyFile.wraps.some((w) => w.kind === 'keychain')) return;
      writeKeyFile(keyFilePath(), removeKeychainWrap(keyFile));
    },
  };
}
