// Reads a sealed package: its header, then every chunk in order, each opened with its index and
// whether it is the last, handing the plaintext to the archive reader. Memory stays at a chunk
// (plus what the caller keeps). The opener reads the chunks twice (verification, then the
// read-only vault's documents) under one key derivation. Each failure is named: not a package, a header changed, the
// wrong passphrase (the header's check), a part altered (which part, which bytes of the file),
// the file cut short.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { AppFailure } from '../app-failure';
import { derivePackageKeys, keyCheckMatches, openChunk } from './package-cipher';
import type { PackageHeader } from './package-format';
import {
  CHUNK_BYTES,
  MAX_HEADER_BYTES,
  PACKAGE_FORMAT,
  PACKAGE_MAGIC,
  PackageHeaderSchema,
  TAG_BYTES,
} from './package-format';

const invalid = (check: string, message: string): AppFailure =>
  new AppFailure('AUDIT_PACKAGE_INVALID', message, { check });

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return buffer.subarray(0, done);
}

function readHeader(fd: number, name: string): { header: PackageHeader; bytes: Buffer } {
  const start = readAt(fd, 0, MAX_HEADER_BYTES);
  const first = start.indexOf(0x0a);
  const second = first < 0 ? -1 : start.indexOf(0x0a, first + 1);
  const magicLine = start.subarray(0, first < 0 ? 0 : first).toString('latin1');
  const [magic, format] = magicLine.split(' ');
  if (magic !== PACKAGE_MAGIC)
    throw invalid(
      'format',
      `${name} is not a KP Desk audit package (it does not begin with ${PACKAGE_MAGIC}).`,
    );
  if (format !== String(PACKAGE_FORMAT))
    throw invalid(
      'format',
      `${name} is an audit package of format ${format ?? '?'}, which this version of KP Desk cannot read. Update KP Desk to open it.`,
    );
  if (second < 0)
    throw invalid('format', `The header of ${name} is incomplete: the file is damaged.`);
  let header: PackageHeader;
  try {
    header = PackageHeaderSchema.parse(
      JSON.parse(start.subarray(first + 1, second).toString('utf8')),
    );
  } catch {
    throw invalid(
      'format',
      `The header of ${name} is damaged (its fields are not those of format ${String(PACKAGE_FORMAT)}).`,
    );
  }
  return { header, bytes: start.subarray(0, second + 1) };
}

export type PackageFile = {
  header: PackageHeader;
  fileBytes: number;
  chunks: number;
  /**
   * Decrypts every chunk in order and hands its plaintext to `onPlain`; `onSealed` (optional)
   * gets every byte of the file as read (the header, then each sealed chunk), so a caller hashes
   * the file in the same read. Throws the named failures. May run again (the opener's second
   * pass): the tags are checked again each time, so bytes changed in between are caught.
   */
  readAll: (onPlain: (piece: Buffer) => void, onSealed?: (piece: Buffer) => void) => void;
  /** Zeroes the keys and closes the file. */
  close: () => void;
};

/** Opens the package file: its header and the passphrase's check; the chunks are read by
 * readAll, once or more, with the keys held until close (one scrypt for every pass). */
export async function openPackageFile(path: string, passphrase: string): Promise<PackageFile> {
  const name = basename(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new AppFailure('NOT_FOUND', `The audit package ${name} cannot be read.`, {
      file: 'not readable',
    });
  }
  let keys: Awaited<ReturnType<typeof derivePackageKeys>> | undefined;
  try {
    const size = fstatSync(fd).size;
    const { header, bytes: headerBytes } = readHeader(fd, name);
    keys = await derivePackageKeys(passphrase, header.kdf);
    if (!keyCheckMatches(keys.checkKey, header.keyCheck))
      throw new AppFailure(
        'AUDIT_PACKAGE_PASSPHRASE_WRONG',
        `This passphrase does not open ${name}: it is not the one the package was sealed with (or the passphrase check in its header was changed). Nothing was opened; try again.`,
        { passphrase: 'Not the passphrase of this package.' },
      );
    const sealedChunk = CHUNK_BYTES + TAG_BYTES;
    const body = size - headerBytes.length;
    if (body < TAG_BYTES)
      throw invalid('decryption', `${name} ends right after its header: the file was cut short.`);
    const chunks = Math.ceil(body / sealedChunk);
    const prefix = Buffer.from(header.noncePrefix, 'base64');
    const { encryptionKey, checkKey } = keys;
    const opened = fd;
    return {
      header,
      fileBytes: size,
      chunks,
      readAll: (onPlain, onSealed) => {
        onSealed?.(headerBytes);
        for (let i = 0; i < chunks; i += 1) {
          const position = headerBytes.length + i * sealedChunk;
          const sealed = readAt(opened, position, Math.min(sealedChunk, size - position));
          onSealed?.(sealed);
          const final = i === chunks - 1;
          const plain = openChunk(encryptionKey, prefix, headerBytes, i, final, sealed);
          if (plain === undefined) {
            const where = `bytes ${String(position)}–${String(position + sealed.length - 1)} of the file`;
            if (
              final &&
              openChunk(encryptionKey, prefix, headerBytes, i, false, sealed) !== undefined
            )
              throw invalid(
                'decryption',
                `${name} was cut short: its last part (after byte ${String(position + sealed.length - 1)}) is missing. The passphrase is right; the file is incomplete.`,
              );
            throw invalid(
              'decryption',
              final
                ? `${name} was altered or cut short: its last part, part ${String(i + 1)} of ${String(chunks)} (${where}), fails its authentication. The passphrase is right; these bytes are not the ones written.`
                : `${name} was altered after it was sealed: part ${String(i + 1)} of ${String(chunks)} (${where}) fails its authentication. The passphrase is right; these bytes are not the ones written.`,
            );
          }
          onPlain(plain);
        }
      },
      close: () => {
        encryptionKey.fill(0);
        checkKey.fill(0);
        closeSync(opened);
      },
    };
  } catch (error: unknown) {
    keys?.encryptionKey.fill(0);
    keys?.checkKey.fill(0);
    closeSync(fd);
    throw error;
  }
}
