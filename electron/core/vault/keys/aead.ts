// AES-256-GCM sealing of the 32-byte database key under a wrapping key. The additional data binds
// the vault id and the wrap's kind: a wrap moved to another vault's key file, or relabelled from
// "recovery" to "passphrase", fails its tag instead of opening.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { WrapKind } from './key-file';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export type Sealed = { cipher: 'aes-256-gcm'; iv: string; tag: string; ciphertext: string };

function additionalData(vaultId: string, kind: WrapKind): Buffer {
  return Buffer.from(`kpdesk-vault-key/v1\0${vaultId}\0${kind}`, 'utf8');
}

export function seal(wrappingKey: Buffer, key: Buffer, vaultId: string, kind: WrapKind): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(vaultId, kind));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The key, or undefined when the tag does not verify (wrong wrapping key, or a moved wrap). */
export function open(
  wrappingKey: Buffer,
  sealed: Sealed,
  vaultId: string,
  kind: WrapKind,
): Buffer | undefined {
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES || wrappingKey.length !== 32)
    return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(vaultId, kind));
    decipher.setAuthTag(tag);
    const ciphertext = Buffer.from(sealed.ciphertext, 'base64');
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // GCM's tag check is the only test of the secret; its error text says nothing useful.
    return undefined;
  }
}
