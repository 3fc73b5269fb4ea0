// The signing and seal private keys as the vault stores them (issue 13, part 3): AES-256-GCM
// under the signing key-encryption key (KEK), never plain PKCS#8. The KEK is random and is not
// derived from the vault passphrase or the recovery key, so whoever opens the vault with the
// passphrase alone reads only this envelope (docs/security.md, "Signing keys").
// Layout: "KPKW1" | iv (12) | tag (16) | ciphertext. A PKCS#8 DER starts with 0x30 (SEQUENCE), so
// the magic never collides with a plain key stored before migration 0210.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('KPKW1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Which row the key belongs to: bound by the AAD, so a seal key cannot pose as a signing key. */
export type PrivateKeyOwner = 'signing_identity' | 'seal_key';

function additionalData(owner: PrivateKeyOwner): Buffer {
  return Buffer.from(`kpdesk-signing-private-key/v1\0${owner}`, 'utf8');
}

export function isWrappedPrivateKey(stored: Buffer): boolean {
  return stored.length > MAGIC.length + IV_BYTES + TAG_BYTES && stored.subarray(0, 5).equals(MAGIC);
}

export function wrapPrivateKey(kek: Buffer, pkcs8Der: Buffer, owner: PrivateKeyOwner): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(owner));
  const ciphertext = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), ciphertext]);
}

/** The PKCS#8 DER, or undefined when the tag does not verify (another KEK, or a moved key). */
export function unwrapPrivateKey(
  kek: Buffer,
  stored: Buffer,
  owner: PrivateKeyOwner,
): Buffer | undefined {
  if (!isWrappedPrivateKey(stored) || kek.length !== 32) return undefined;
  const iv = stored.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = stored.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(owner));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(stored.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return undefined;
  }
}
