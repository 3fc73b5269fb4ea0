// Writes the sealed file: the header lines, then the ustar payload in sealed chunks, through a
// temporary file beside the target (a crash never leaves half a package under the chosen name),
// hashing every byte written (the package's SHA-256 goes into the audit event). Synchronous:
// it runs inside the vault's read transaction, so the package is one instant of the record.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, rmSync, writeSync } from 'node:fs';
import { createChunkSealer } from './package-cipher';
import type { PackageHeader } from './package-format';
import { PACKAGE_FORMAT, PACKAGE_MAGIC } from './package-format';
import { USTAR_END, ustarHeader, ustarPadding } from './ustar-archive';

export function headerBytesOf(header: PackageHeader): Buffer {
  return Buffer.from(`${PACKAGE_MAGIC} ${String(PACKAGE_FORMAT)}\n${JSON.stringify(header)}\n`);
}

export type PackageWriter = {
  /** Adds one file to the archive; returns its SHA-256 (hex). */
  add: (name: string, content: Buffer) => string;
  /** Ends the archive and the last chunk; the file is still under its temporary name. */
  finish: () => { sha256: string; bytes: number };
  /** Gives the finished file its target name; throws EEXIST rather than replace a file. */
  commit: () => void;
  /** Removes the temporary file (after any failure). */
  discard: () => void;
};

export function openPackageWriter(
  target: string,
  header: PackageHeader,
  encryptionKey: Buffer,
  mtime: Date,
): PackageWriter {
  const temporary = `${target}.${randomBytes(6).toString('hex')}.part`;
  const fd = openSync(temporary, 'wx', 0o600);
  let open = true;
  const fileHash = createHash('sha256');
  let bytes = 0;
  const write = (piece: Buffer): void => {
    fileHash.update(piece);
    bytes += piece.length;
    let offset = 0;
    while (offset < piece.length) offset += writeSync(fd, piece, offset);
  };
  const headerBytes = headerBytesOf(header);
  write(headerBytes);
  const sealer = createChunkSealer(
    encryptionKey,
    Buffer.from(header.noncePrefix, 'base64'),
    headerBytes,
    write,
  );
  const seconds = Math.floor(mtime.getTime() / 1000);
  return {
    add: (name, content) => {
      sealer.push(ustarHeader(name, content.length, seconds));
      sealer.push(content);
      sealer.push(ustarPadding(content.length));
      return createHash('sha256').update(content).digest('hex');
    },
    finish: () => {
      sealer.push(USTAR_END);
      sealer.finish();
      fsyncSync(fd);
      closeSync(fd);
      open = false;
      return { sha256: fileHash.digest('hex'), bytes };
    },
    commit: () => {
      // A hard link, not a rename: rename would silently replace a file created meanwhile.
      linkSync(temporary, target);
      rmSync(temporary, { force: true });
    },
    discard: () => {
      if (open) closeSync(fd);
      open = false;
      rmSync(temporary, { force: true });
    },
  };
}
