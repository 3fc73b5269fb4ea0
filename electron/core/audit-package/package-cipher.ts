// The package's encryption: scrypt stretches the package's own passphrase (never the vault's)
// into 64 bytes, the first 32 the AES-256-GCM key, the last 32 a check key whose HMAC of a fixed
// text is in the header, so a wrong passphrase is told apart from altered bytes. The payload is
// sealed in chunks of CHUNK_BYTES (a 10,000-certificate package never sits whole in memory):
// chunk i has the nonce noncePrefix(7) || i (uint32 big-endian) || final flag (1 byte), and the
// header's bytes as associated data, so a chunk moved, dropped, reordered, or the file cut at a
// chunk boundary, or any header byte changed (KDF parameters included), fails a tag.
import type { CipherGCM } from 'node:crypto';
import { createCipheriv, createDecipheriv, createHmac, scrypt, timingSafeEqual } from 'node:crypto';
import type { PackageHeader } from './package-format';
import { CHUNK_BYTES, TAG_BYTES } from './package-format';

const KEY_CHECK_TEXT = 'KP Desk audit package passphrase check v1';

export type PackageKeys = { encryptionKey: Buffer; checkKey: Buffer };

export function derivePackageKeys(
  passphrase: string,
  kdf: PackageHeader['kdf'],
): Promise<PackageKeys> {
  const { N, r, p } = kdf;
  // NFC: the same passphrase typed on macOS and on Windows gives the same bytes.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(
      secret,
      Buffer.from(kdf.salt, 'base64'),
      64,
      { N, r, p, maxmem: 256 * N * r * p },
      (error, derived) => {
        secret.fill(0);
        if (error) reject(error);
        else
          resolve({
            encryptionKey: Buffer.from(derived.subarray(0, 32)),
            checkKey: Buffer.from(derived.subarray(32)),
          });
        derived.fill(0);
      },
    );
  });
}

export function keyCheckOf(checkKey: Buffer): string {
  return createHmac('sha256', checkKey).update(KEY_CHECK_TEXT, 'utf8').digest('hex');
}

export function keyCheckMatches(checkKey: Buffer, expected: string): boolean {
  const actual = Buffer.from(keyCheckOf(checkKey), 'hex');
  const stored = Buffer.from(expected, 'hex');
  return actual.length === stored.length && timingSafeEqual(actual, stored);
}

function nonceOf(prefix: Buffer, index: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 7);
  nonce.writeUInt32BE(index, 7);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

export function sealChunk(
  key: Buffer,
  prefix: Buffer,
  headerBytes: Buffer,
  index: number,
  final: boolean,
  plain: Buffer,
): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonceOf(prefix, index, final), {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(headerBytes);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The chunk's plaintext, or undefined when its tag fails (altered, moved, or not final). */
export function openChunk(
  key: Buffer,
  prefix: Buffer,
  headerBytes: Buffer,
  index: number,
  final: boolean,
  sealed: Buffer,
): Buffer | undefined {
  if (sealed.length < TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(prefix, index, final), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(headerBytes);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return undefined;
  }
}

/**
 * Seals plaintext handed over in pieces into CHUNK_BYTES chunks and writes each sealed chunk;
 * `finish` seals the last. The pieces are encrypted as they arrive, never first gathered into
 * one buffer (gathering copied every byte of a package once more per chunk: issue 14, the export's
 * speed). A full chunk is sealed only once more bytes follow it, because the last chunk carries
 * the final flag in its nonce and may be full: its plaintext pieces are kept (references, not
 * copies) until then, and the last chunk is sealed again under the final nonce. The bytes written
 * are exactly those of sealChunk over each chunk's plaintext. The caller must not change a piece
 * after pushing it.
 */
export function createChunkSealer(
  key: Buffer,
  prefix: Buffer,
  headerBytes: Buffer,
  write: (sealed: Buffer) => void,
) {
  let index = 0;
  let plainPieces: Buffer[] = [];
  let sealedPieces: Buffer[] = [];
  let filled = 0;
  let cipher: CipherGCM | null = null;

  const start = (): CipherGCM => {
    const next = createCipheriv('aes-256-gcm', key, nonceOf(prefix, index, false), {
      authTagLength: TAG_BYTES,
    });
    next.setAAD(headerBytes);
    return next;
  };
  // The chunk is full and more bytes follow: it is not the last, so its not-final seal stands.
  const sealFull = (full: CipherGCM): void => {
    sealedPieces.push(full.final(), full.getAuthTag());
    write(Buffer.concat(sealedPieces));
    index += 1;
    plainPieces = [];
    sealedPieces = [];
    filled = 0;
    cipher = null;
  };
  return {
    push: (plain: Buffer): void => {
      let offset = 0;
      while (offset < plain.length) {
        if (cipher !== null && filled === CHUNK_BYTES) sealFull(cipher);
        cipher ??= start();
        const take = Math.min(CHUNK_BYTES - filled, plain.length - offset);
        const part =
          offset === 0 && take === plain.length ? plain : plain.subarray(offset, offset + take);
        plainPieces.push(part);
        sealedPieces.push(cipher.update(part));
        filled += take;
        offset += take;
      }
    },
    finish: (): void => {
      const last = Buffer.concat(plainPieces, filled);
      write(sealChunk(key, prefix, headerBytes, index, true, last));
      plainPieces = [];
      sealedPieces = [];
      filled = 0;
      cipher = null;
    },
  };
}
