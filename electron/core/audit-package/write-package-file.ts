// Writes the sealed file: the header lines, then the ustar payload in sealed chunks, through a
// temporary file beside the target (a crash never leaves half a package under the chosen name),
// hashing every byte written (the package's SHA-256 goes into the audit event). Synchronous:
// it runs inside the vault's read transaction, so the package is one instant of the record. With
// the sealing thread's bundle at hand (package-seal-thread.ts), the sealing, hashing and writing
// run on the other core while this thread reads; the bytes are the same either way.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, rmSync, writeSync } from 'node:fs';
import { createChunkSealer } from './package-cipher';
import { startSealThread } from './package-seal-thread';
import type { PackageHeader } from './package-format';
import { PACKAGE_FORMAT, PACKAGE_MAGIC } from './package-format';
import { USTAR_END, ustarHeader, ustarPadding } from './ustar-archive';

export function headerBytesOf(header: PackageHeader): Buffer {
  return Buffer.from(`${PACKAGE_MAGIC} ${String(PACKAGE_FORMAT)}\n${JSON.stringify(header)}\n`);
}

export type PackageWriter = {
  /** Adds one file to the archive; returns its SHA-256 (hex). `handOver`: the caller will not
   * use `content` again (it may be moved to the sealing thread). */
  add: (name: string, content: Buffer, handOver?: boolean) => string;
  /** Ends the archive and the last chunk; the file is still under its temporary name.
   * `onThread`: sealed and written by the sealing thread. */
  finish: () => { sha256: string; bytes: number; onThread: boolean };
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
  sealWorkerFile?: string,
): PackageWriter {
  const temporary = `${target}.${randomBytes(6).toString('hex')}.part`;
  const fd = openSync(temporary, 'wx', 0o600);
  let open = true;
  const headerBytes = headerBytesOf(header);
  const prefix = Buffer.from(header.noncePrefix, 'base64');
  const thread = startSealThread(sealWorkerFile, {
    temporary,
    headerBytes,
    key: encryptionKey,
    prefix,
  });
  const fileHash = createHash('sha256');
  let bytes = 0;
  const write = (piece: Buffer): void => {
    fileHash.update(piece);
    bytes += piece.length;
    let offset = 0;
    while (offset < piece.length) offset += writeSync(fd, piece, offset);
  };
  // On this thread only when there is no sealing thread (the thread writes the header itself).
  const sealer =
    thread === null ? createChunkSealer(encryptionKey, prefix, headerBytes, write) : null;
  if (sealer !== null) write(headerBytes);
  const push = (piece: Buffer, handOver = false): void => {
    if (thread !== null) thread.push(piece, handOver);
    else sealer?.push(piece);
  };
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  const seconds = Math.floor(mtime.getTime() / 1000);
  return {
    add: (name, content, handOver = false) => {
      const sha256 = createHash('sha256').update(content).digest('hex');
      push(ustarHeader(name, content.length, seconds));
      const size = content.length;
      push(content, handOver);
      push(ustarPadding(size));
      return sha256;
    },
    finish: () => {
      push(USTAR_END);
      if (thread !== null) {
        close();
        return { ...thread.finish(), onThread: true };
      }
      sealer?.finish();
      fsyncSync(fd);
      close();
      return { sha256: fileHash.digest('hex'), bytes, onThread: false };
    },
    commit: () => {
      // A hard link, not a rename: rename would silently replace a file created meanwhile.
      linkSync(temporary, target);
      rmSync(temporary, { force: true });
    },
    discard: () => {
      thread?.stop();
      close();
      rmSync(temporary, { force: true });
    },
  };
}
