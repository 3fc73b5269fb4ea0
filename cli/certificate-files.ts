// Certificates and keys named on the command line (--trust, --seal-key): read from the file
// given, PEM (its first block) or DER. Shared by `kpdesk verify` and `kpdesk review --package`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from './cli-io';
import { usageFailure } from './command-outcome';

const PEM = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/;

export function readKeyFile(io: CliIo, file: string, what: string): Buffer {
  try {
    return readFileSync(resolve(io.cwd, file));
  } catch {
    throw usageFailure(`Cannot read the ${what} file ${file}.`, { [what]: 'unreadable' });
  }
}

/** A PEM file's first block as text, or the bytes as DER. */
export function pemOrDer(bytes: Buffer): string | Buffer {
  const text = bytes.toString('latin1');
  return PEM.exec(text)?.[0] ?? bytes;
}

/** The DER of each certificate file given with --trust. */
export function readTrustFiles(io: CliIo, files: readonly string[]): Uint8Array[] {
  return files.map((file) => {
    const content = pemOrDer(readKeyFile(io, file, '--trust'));
    if (typeof content !== 'string') return new Uint8Array(content);
    const body = content.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    return new Uint8Array(Buffer.from(body, 'base64'));
  });
}
