// "Remember on this computer": the database key wrapped by the OS keychain, which lives in main
// (electron/shell/safe-storage-keychain.ts), while the vault and its key file live in the worker
// (keys/keychain-key-file.ts). Main seals and unseals; the worker proves the passphrase, stores
// the wrap and opens the database with the unsealed key (openWithKey, never an IPC channel).
// The preview host and the CLI have no keychain: they answer KEY_UNAVAILABLE.
import { AppFailure, isAppFailure } from '../app-failure';
import { unwrapWithKeychain, wrapWithKeychain } from './keys/keychain-wrap';
import type { KeychainKeyFile } from './keys/keychain-key-file';
import type { OsKeychain } from './keys/os-keychain';
import type { VaultGateway } from './vault-gateway';
import type { Rpc } from './worker/rpc';

export type KeychainRemembered = { rememberedOnThisComputer: boolean; backend: string | null };

type KeychainVault = { keychain: Rpc<KeychainKeyFile> };

const NO_KEYCHAIN =
  "This computer's keychain is not available in the preview; use your passphrase.";

function requireKeychain(keychain: OsKeychain | undefined): OsKeychain {
  if (keychain === undefined) throw new AppFailure('KEY_UNAVAILABLE', NO_KEYCHAIN);
  return keychain;
}

/** Wraps the database key with the OS keychain; a weak backend (basic_text) writes nothing. */
export async function rememberOnThisComputer(
  vault: KeychainVault,
  osKeychain: OsKeychain | undefined,
  input: unknown,
): Promise<KeychainRemembered> {
  const keychain = requireKeychain(osKeychain);
  // Checked before the key is fetched: a refused keychain never sees it, and nothing is written.
  if (!(await keychain.isStrong()))
    throw new AppFailure(
      'KEY_UNAVAILABLE',
      `This computer's keychain (${keychain.backend()}) cannot keep the vault key safe, so it was not stored. Keep unlocking with your passphrase.`,
    );
  const { vaultId, keyHex } = await vault.keychain.keyForKeychain(input);
  const key = Buffer.from(keyHex, 'hex');
  try {
    const wrap = await wrapWithKeychain(key, keychain, vaultId);
    await vault.keychain.saveWrap({ vaultId, wrap });
    return { rememberedOnThisComputer: true, backend: wrap.backend };
  } finally {
    key.fill(0);
  }
}

/** Removes the keychain wrap; the passphrase and the recovery key still open the vault. */
export async function forgetOnThisComputer(
  vault: KeychainVault,
  osKeychain: OsKeychain | undefined,
): Promise<KeychainRemembered> {
  requireKeychain(osKeychain);
  await vault.keychain.removeWrap();
  return { rememberedOnThisComputer: false, backend: null };
}

export type KeychainUnlockOutcome =
  { opened: true; backend: string } | { opened: false; reason: string };

/**
 * Start-up: opens the vault with the keychain when a keychain wrap exists. Any refusal (no wrap,
 * a weak or changed backend, the keychain not releasing the key) leaves the vault locked for the
 * passphrase screen, with the reason for the log (never the key or a foreign error's text).
 */
export async function unlockWithOsKeychain(
  vault: KeychainVault & { openWithKey: Rpc<Pick<VaultGateway, 'openWithKey'>>['openWithKey'] },
  keychain: OsKeychain,
): Promise<KeychainUnlockOutcome> {
  try {
    const { vaultId, wrap } = await vault.keychain.readWrap();
    if (wrap === null) return { opened: false, reason: 'no key stored in the keychain' };
    const key = await unwrapWithKeychain(wrap, keychain, vaultId);
    try {
      await vault.openWithKey({ keyHex: key.toString('hex'), create: false });
    } finally {
      key.fill(0);
    }
    return { opened: true, backend: wrap.backend };
  } catch (error: unknown) {
    if (isAppFailure(error))
      return { opened: false, reason: `${error.error.code}: ${error.message}` };
    // A keychain that throws (a broken secret service) must not keep the app from starting.
    return { opened: false, reason: 'the system keychain failed unexpectedly' };
  }
}
