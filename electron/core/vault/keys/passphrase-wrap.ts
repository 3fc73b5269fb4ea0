// Wraps the database key under a secret the user knows (the passphrase, or the recovery key):
// scrypt stretches the secret into a wrapping key, AES-256-GCM seals the key (aead.ts). scrypt
// runs asynchronously, on libuv's thread pool: at the default cost it takes a noticeable fraction
// of a second and must not stall Electron's main thread or the vault worker.
import { randomBytes, scrypt } from 'node:crypto';
import { AppFailure } from '../../app-failure';
import { open, seal } from './aead';
import type { ScryptParams, SecretWrap } from './key-file';

export type KdfCost = { N: number; r: number; p: number };

/** OWASP's scrypt floor is N=2^17, r=8, p=1. Tests pass smaller costs; these never change. */
export const DEFAULT_KDF: Readonly<KdfCost> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

const SALT_BYTES = 16;
export const MIN_PASSPHRASE_LENGTH = 12;

export function deriveWrappingKey(secret: string, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params;
  // scrypt needs about 128·N·r·p bytes; Node refuses anything over maxmem (32 MiB by default).
  const maxmem = 256 * N * r * p;
  // NFC: the same passphrase typed on macOS and on Windows must give the same bytes.
  const bytes = Buffer.from(secret.normalize('NFC'), 'utf8');
  const salt = Buffer.from(params.salt, 'base64');
  return new Promise((resolve, reject) => {
    scrypt(bytes, salt, 32, { N, r, p, maxmem }, (error, derived) => {
      bytes.fill(0);
      if (error) reject(error);
      else resolve(derived);
    });
  });
}

// Characters as the user sees them (graphemes): an accented letter or an emoji counts as one.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The passphrase policy, checked before any scrypt work. */
export function checkPassphrase(passphrase: string, field = 'passphrase'): void {
  if ([...graphemes.segment(passphrase.normalize('NFC'))].length < MIN_PASSPHRASE_LENGTH)
    throw new AppFailure(
      'INVALID_INPUT',
      `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`,
      { [field]: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.` },
    );
}

export async function wrapKey(
  key: Buffer,
  secret: string,
  target: { vaultId: string; kind: SecretWrap['kind']; kdf?: KdfCost },
): Promise<SecretWrap> {
  const cost = target.kdf ?? DEFAULT_KDF;
  const kdf: ScryptParams = {
    name: 'scrypt',
    N: cost.N,
    r: cost.r,
    p: cost.p,
    salt: randomBytes(SALT_BYTES).toString('base64'),
  };
  const wrappingKey = await deriveWrappingKey(secret, kdf);
  try {
    return { kind: target.kind, ...seal(wrappingKey, key, target.vaultId, target.kind), kdf };
  } finally {
    wrappingKey.fill(0);
  }
}

const wrongSecret: Record<SecretWrap['kind'], string> = {
  passphrase: 'The passphrase is not correct. Nothing was changed; try again.',
  recovery: 'This recovery key does not open this vault. Nothing was changed.',
};

/** The database key; VAULT_KEY_INVALID when the secret is wrong (the GCM tag is the check). */
export async function unwrapKey(
  wrap: SecretWrap,
  secret: string,
  vaultId: string,
): Promise<Buffer> {
  const wrappingKey = await deriveWrappingKey(secret, wrap.kdf);
  try {
    const key = open(wrappingKey, wrap, vaultId, wrap.kind);
    if (key === undefined) throw new AppFailure('VAULT_KEY_INVALID', wrongSecret[wrap.kind]);
    return key;
  } finally {
    wrappingKey.fill(0);
  }
}
