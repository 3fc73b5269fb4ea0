// The package's encryption: scrypt stretches the package's own passphrase (never the vault's)
// into 64 bytes, the first 32 the AES-256-GCM key, the last 32 a check key whose HMAC of a fixed
// text is in the header, so a wrong passphrase is told apart from altered bytes. The payload is
// sealed in chunks of CHUNK_BYTES (a 10,000-certificate package never sits whole in memory):
// chunk i has the nonce noncePrefix(7) || i (uint32 big-endian) || final flag (1 byte), and the
// header's bytes as associated data, so a chunk moved, dropped, reordered, or the file cut at a
// chunk boundary, or any header byte changed (KDF parameters included), fails a tag.
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

/** Collects plaintext into CHUNK_BYTES pieces and writes each sealed; `finish` seals the last. */
export function createChunkSealer(
  key: Buffer,
  prefix: Buffer,
  headerBytes: Buffer,
  write: (sealed: Buffer) => void,
) {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  // A full chunk is sealed only once more bytes follow it: the last chunk carries the final
  // flag, and it may be full.
  const flushFull = (): void => {
    while (pendingBytes > CHUNK_BYTES) {
      const all = Buffer.concat(pending, pendingBytes);
      write(sealChunk(key, prefix, headerBytes, index, false, all.subarray(0, CHUNK_BYTES)));
      index += 1;
      const rest = all.subarray(CHUNK_BYTES);
      pending = [rest];
      pendingBytes = rest.length;
    }
  };
  return {
    push: (plain: Buffer): void => {
      if (plain.length === 0) return;
      pending.push(plain);
      pendingBytes += plain.length;
      if (pendingBytes > CHUNK_BYTES) flushFull();
    },
    finish: (): void => {
      const last = Buffer.concat(pending, pendingBytes);
      write(sealChunk(key, prefix, headerBytes, index, true, last));
      pending = [];
      pendingBytes = 0;
    },
  };
}
