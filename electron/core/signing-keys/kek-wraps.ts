// The signing KEK, wrapped for the ways it may be opened (docs/security.md, "Signing keys"):
// - 'secret': under an administrator's signing secret, stretched with scrypt as the vault
//   passphrase is (keys/passphrase-wrap.ts), with a salt of its own;
// - 'workstation': under a random key that this computer's OS keychain seals (Electron
//   safeStorage), so an operator signs there without the secret, and a copied vault or a backup
//   on any other computer cannot;
// - 'pending': the KEK itself, only between migration 0210 (or keys created without a secret)
//   and the first administrator who sets a signing secret. Until then signing is refused.
// AES-256-GCM with an AAD naming the wrap's kind and owner: a wrap copied to another
// administrator's row, or relabelled, fails its tag instead of opening.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ScryptParams } from '../vault/keys/key-file';
import { ScryptParamsSchema } from '../vault/keys/key-file';
import type { KdfCost } from '../vault/keys/passphrase-wrap';
import { DEFAULT_KDF, deriveWrappingKey } from '../vault/keys/passphrase-wrap';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const SealedSchema = z
  .object({ cipher: z.literal('aes-256-gcm'), iv: base64, tag: base64, ciphertext: base64 })
  .strict();
type Sealed = z.infer<typeof SealedSchema>;

export const SecretWrapSchema = SealedSchema.extend({
  // The key file's bounds on the cost: a row edited to an absurd N cannot stall the vault.
  kdf: ScryptParamsSchema,
}).strict();
export type SecretKekWrap = z.infer<typeof SecretWrapSchema>;

export const WorkstationWrapSchema = SealedSchema.extend({
  /** The keychain backend that sealed the wrapping key (keychain-policy.ts names them). */
  backend: z.string().min(1).max(100),
  /** The wrapping key as the OS keychain sealed it (base64); only that computer opens it. */
  sealedKey: base64,
}).strict();
export type WorkstationKekWrap = z.infer<typeof WorkstationWrapSchema>;

export const PendingWrapSchema = z.object({ kek: base64 }).strict();

function additionalData(label: string): Buffer {
  return Buffer.from(`kpdesk-signing-kek/v1\0${label}`, 'utf8');
}

export const secretLabel = (userId: number): string => `secret\0${String(userId)}`;
export const workstationLabel = (workstationId: string): string => `workstation\0${workstationId}`;

export function sealKek(wrappingKey: Buffer, kek: Buffer, label: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(label));
  const ciphertext = Buffer.concat([cipher.update(kek), cipher.final()]);
  return {
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The KEK, or undefined when the tag does not verify (a wrong secret or another computer). */
export function openKek(wrappingKey: Buffer, sealed: Sealed, label: string): Buffer | undefined {
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES || wrappingKey.length !== 32)
    return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(label));
    decipher.setAuthTag(tag);
    const kek = Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]);
    return kek.length === 32 ? kek : undefined;
  } catch {
    return undefined;
  }
}

export async function wrapKekWithSecret(
  kek: Buffer,
  secret: string,
  userId: number,
  cost: KdfCost = DEFAULT_KDF,
): Promise<SecretKekWrap> {
  const kdf: ScryptParams = {
    name: 'scrypt',
    N: cost.N,
    r: cost.r,
    p: cost.p,
    salt: randomBytes(16).toString('base64'),
  };
  const wrappingKey = await deriveWrappingKey(secret, kdf);
  try {
    return { ...sealKek(wrappingKey, kek, secretLabel(userId)), kdf };
  } finally {
    wrappingKey.fill(0);
  }
}

export async function openKekWithSecret(
  wrap: SecretKekWrap,
  secret: string,
  userId: number,
): Promise<Buffer | undefined> {
  const wrappingKey = await deriveWrappingKey(secret, wrap.kdf);
  try {
    return openKek(wrappingKey, wrap, secretLabel(userId));
  } finally {
    wrappingKey.fill(0);
  }
}
