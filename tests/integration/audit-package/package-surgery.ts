// Takes an audit package apart and puts it back together the way an attacker who knows the
// passphrase would, written from docs/audit-package.md alone (node:crypto for the chunks, the
// system's tar for the archive), not with the code under test: the tamper tests' packages are
// not made by the code that checks them.
import { execFileSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

type Header = {
  chunkBytes: number;
  kdf: { N: number; r: number; p: number; salt: string };
  noncePrefix: string;
};

export type OpenedFile = { headerBytes: Buffer; header: Header; key: Buffer; archive: Buffer };

function nonce(prefix: Buffer, index: number, final: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 7);
  n.writeUInt32BE(index, 7);
  n[11] = final ? 1 : 0;
  return n;
}

export function decryptPackage(file: string, passphrase: string): OpenedFile {
  const bytes = readFileSync(file);
  const second = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1);
  const headerBytes = bytes.subarray(0, second + 1);
  const header = JSON.parse(bytes.subarray(bytes.indexOf(0x0a) + 1, second).toString()) as Header;
  const { N, r, p, salt } = header.kdf;
  const derived = scryptSync(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), 64, {
    N,
    r,
    p,
    maxmem: 256 * N * r * p,
  });
  const key = derived.subarray(0, 32);
  const body = bytes.subarray(headerBytes.length);
  const sealed = header.chunkBytes + 16;
  const chunks = Math.ceil(body.length / sealed);
  const prefix = Buffer.from(header.noncePrefix, 'base64');
  const plain: Buffer[] = [];
  for (let i = 0; i < chunks; i += 1) {
    const piece = body.subarray(i * sealed, (i + 1) * sealed);
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, i, i === chunks - 1));
    decipher.setAAD(headerBytes);
    decipher.setAuthTag(piece.subarray(piece.length - 16));
    plain.push(decipher.update(piece.subarray(0, piece.length - 16)), decipher.final());
  }
  return { headerBytes, header, key, archive: Buffer.concat(plain) };
}

export function encryptPackage(opened: OpenedFile, archive: Buffer): Buffer {
  const { headerBytes, header, key } = opened;
  const prefix = Buffer.from(header.noncePrefix, 'base64');
  const out: Buffer[] = [headerBytes];
  const chunks = Math.max(1, Math.ceil(archive.length / header.chunkBytes));
  for (let i = 0; i < chunks; i += 1) {
    const piece = archive.subarray(i * header.chunkBytes, (i + 1) * header.chunkBytes);
    const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, i, i === chunks - 1));
    cipher.setAAD(headerBytes);
    out.push(cipher.update(piece), cipher.final(), cipher.getAuthTag());
  }
  return Buffer.concat(out);
}

/** The archive's files, extracted by the system's tar into a new folder; names in archive order. */
export function extractArchive(archive: Buffer): { dir: string; names: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kp-package-surgery-'));
  const names = execFileSync('tar', ['-t', '-f', '-'], { input: archive })
    .toString()
    .split('\n')
    .filter(Boolean);
  execFileSync('tar', ['-x', '-f', '-', '-C', dir], { input: archive });
  return { dir, names };
}

/** A new ustar archive of the named files of `dir`, in that order. */
export function createArchive(dir: string, names: readonly string[]): Buffer {
  return execFileSync('tar', ['--format=ustar', '-c', '-f', '-', '-C', dir, ...names], {
    maxBuffer: 1 << 30,
  });
}

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

/** Rewrites the package after `change` edits its extracted files (and returns the names to keep). */
export function rewritePackage(
  file: string,
  target: string,
  passphrase: string,
  change: (dir: string, names: string[]) => string[],
): void {
  const opened = decryptPackage(file, passphrase);
  const { dir, names } = extractArchive(opened.archive);
  const kept = change(dir, names);
  writeFileSync(target, encryptPackage(opened, createArchive(dir, kept)));
}
