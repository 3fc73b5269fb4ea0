// "Open this computer for signing" (issue 13, part 3; docs/security.md): main's side, where the
// OS keychain is (Electron safeStorage through electron/shell/safe-storage-keychain.ts; a
// file-based keychain in the tests). Main makes a random wrapping key, has this computer's
// keychain seal it, and hands both to the vault, which seals the signing KEK under the key once
// the administrator's signing secret opened it. At every unlock, main asks the keychain to
// release the wrapping key of the workstation it sealed; any other computer's keychain cannot,
// so a copied vault or a restored backup elsewhere opens the records but never signs.
// The CLI and the preview host have no OS keychain: they use a file keychain
// (file-keychain.ts); without any keychain the answer is KEY_UNAVAILABLE.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SigningKeysStatus } from '../../../shared/ipc/signing-keys-contract';
import {
  CloseWorkstationSchema,
  OpenWorkstationSchema,
  SigningKeysStatusSchema,
} from '../../../shared/ipc/signing-keys-contract';
import { AppFailure } from '../app-failure';
import type { OsKeychain } from '../vault/keys/os-keychain';
import { parseInput } from '../vault/repositories/parse-input';
import type { WorkstationWrapRef } from './signing-keyring';

/** The vault's calls this needs (in-process, or through the worker's RPC). */
export type WorkstationSigningVault = {
  identity: {
    openWorkstation: (input: unknown) => Promise<SigningKeysStatus & { workstationId: string }>;
    closeWorkstation: (input: unknown) => Promise<SigningKeysStatus>;
  };
  signingWorkstation: {
    wraps: () => Promise<WorkstationWrapRef[]>;
    open: (input: unknown) => Promise<boolean>;
  };
};

// What main adds to an administrator's { secret } when opening this computer for signing: the
// wrapping key it made and the same key as this computer's keychain sealed it.
export const OpenWorkstationPartsSchema = z
  .object({
    secret: z.string().min(1).max(1024).optional(),
    wrappingKeyHex: z.string().regex(/^[0-9a-f]{64}$/),
    sealedKey: z.string().min(1).max(4096),
    backend: z.string().min(1).max(100),
  })
  .strict();
/** `thisWorkstationId`: the wrap this computer's keychain opens, as main found it. */
export const CloseWorkstationPartsSchema = z
  .object({ which: z.enum(['this', 'all']), thisWorkstationId: z.string().max(100).nullable() })
  .strict();
export const OpenFromWorkstationSchema = z
  .object({
    workstationId: z.string().min(1).max(100),
    wrappingKeyHex: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

const NO_KEYCHAIN =
  'This computer’s keychain is not available here (the command line and the preview have none). Open the computer for signing in the KP Desk app, or enter a signing secret.';

async function strongKeychain(keychain: OsKeychain | undefined): Promise<OsKeychain> {
  if (keychain === undefined) throw new AppFailure('KEY_UNAVAILABLE', NO_KEYCHAIN);
  if (!(await keychain.isStrong()))
    throw new AppFailure(
      'KEY_UNAVAILABLE',
      `This computer’s keychain (${keychain.backend()}) cannot keep a key to the signing keys safe, so the computer was not opened for signing. Sign with a signing secret instead.`,
    );
  return keychain;
}

/** The workstation whose wrapping key this computer's keychain releases, with that key. */
async function findThisWorkstation(
  wraps: readonly WorkstationWrapRef[],
  keychain: OsKeychain,
): Promise<{ workstationId: string; wrappingKey: Buffer } | null> {
  for (const wrap of wraps) {
    if (wrap.backend !== keychain.backend()) continue;
    try {
      const wrappingKey = await keychain.decrypt(Buffer.from(wrap.sealedKey, 'base64'));
      if (wrappingKey.length === 32) return { workstationId: wrap.workstationId, wrappingKey };
      wrappingKey.fill(0);
    } catch {
      // Another computer's wrap: this keychain cannot open it, by design.
    }
  }
  return null;
}

/**
 * An administrator opens this computer for signing, proving their signing secret (or, before any
 * secret exists, taking the pending key: signing-keyring.ts openWorkstation).
 */
export async function openThisWorkstationForSigning(
  vault: WorkstationSigningVault,
  osKeychain: OsKeychain | undefined,
  input: unknown,
): Promise<SigningKeysStatus> {
  const { secret } = parseInput(OpenWorkstationSchema, input);
  const keychain = await strongKeychain(osKeychain);
  const wrappingKey = randomBytes(32);
  try {
    const sealedKey = await keychain.encrypt(wrappingKey);
    const opened = await vault.identity.openWorkstation({
      ...(secret === undefined ? {} : { secret }),
      wrappingKeyHex: wrappingKey.toString('hex'),
      sealedKey: sealedKey.toString('base64'),
      backend: keychain.backend(),
    });
    // The channel's answer is the status; the workstation's id stays in the vault.
    return SigningKeysStatusSchema.strip().parse(opened);
  } finally {
    wrappingKey.fill(0);
  }
}

/** Closes this computer (the wrap its keychain opens) or every computer for signing. */
export async function closeWorkstationForSigning(
  vault: WorkstationSigningVault,
  osKeychain: OsKeychain | undefined,
  input: unknown,
): Promise<SigningKeysStatus> {
  const { which } = parseInput(CloseWorkstationSchema, input);
  let thisWorkstationId: string | null = null;
  if (which === 'this') {
    const keychain = await strongKeychain(osKeychain);
    const found = await findThisWorkstation(await vault.signingWorkstation.wraps(), keychain);
    found?.wrappingKey.fill(0);
    thisWorkstationId = found?.workstationId ?? null;
  }
  return vault.identity.closeWorkstation({ which, thisWorkstationId });
}

export type WorkstationSigningOutcome =
  { opened: true; workstationId: string } | { opened: false; reason: string };

/**
 * After every unlock: opens signing when this computer was opened for signing. Any refusal (no
 * keychain, a weak one, no wrap this keychain opens) leaves signing locked, with the reason for
 * the log (never a key).
 */
export async function openSigningOnThisWorkstation(
  vault: Pick<WorkstationSigningVault, 'signingWorkstation'>,
  keychain: OsKeychain | undefined,
): Promise<WorkstationSigningOutcome> {
  if (keychain === undefined || !(await keychain.isStrong()))
    return { opened: false, reason: 'no strong keychain on this computer' };
  const found = await findThisWorkstation(await vault.signingWorkstation.wraps(), keychain);
  if (found === null) return { opened: false, reason: 'this computer is not open for signing' };
  try {
    const opened = await vault.signingWorkstation.open({
      workstationId: found.workstationId,
      wrappingKeyHex: found.wrappingKey.toString('hex'),
    });
    return opened
      ? { opened: true, workstationId: found.workstationId }
      : { opened: false, reason: 'the workstation key does not open the signing keys' };
  } finally {
    found.wrappingKey.fill(0);
  }
}
