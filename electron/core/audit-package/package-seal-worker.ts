// The audit package's sealing thread (issue 14: exporting a 10,000-certificate package in 30 s on
// two cores). The export reads the vault in one synchronous transaction on its own thread; this
// thread takes the archive's bytes as they are read and does the rest at the same time on the
// other core: AES-256-GCM in chunks (package-cipher.ts, the same sealer), the SHA-256 of every
// byte of the file, the writes and the fsync. Bundled beside the audit thread's bundle
// (scripts/build-node.mjs, electron/audit-package-seal-worker.mjs); started by
// package-seal-thread.ts, which explains the protocol. Every failure is answered, never thrown:
// the export waits synchronously and cannot hear this thread's 'error' event.
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { MessagePort } from 'node:worker_threads';
import { parentPort, workerData } from 'node:worker_threads';
import { createChunkSealer } from './package-cipher';
import type { SealThreadData, SealThreadResult } from './package-seal-thread';
import { DONE, QUEUED } from './package-seal-thread';

const data = workerData as SealThreadData;
const control = new Int32Array(data.control);
const results: MessagePort = data.results;

const finishWith = (result: SealThreadResult): void => {
  results.postMessage(result);
  Atomics.store(control, DONE, 1);
  Atomics.notify(control, DONE);
};
const failWith = (error: unknown): void => {
  finishWith({ ok: false, message: error instanceof Error ? error.message : String(error) });
};

type Sealing = {
  fd: number;
  key: Buffer;
  sealer: ReturnType<typeof createChunkSealer>;
  digest: () => { sha256: string; bytes: number };
};

function startSealing(): Sealing {
  const fd = openSync(data.temporary, 'r+');
  const fileHash = createHash('sha256');
  let bytes = 0;
  const write = (piece: Buffer): void => {
    fileHash.update(piece);
    bytes += piece.length;
    let offset = 0;
    while (offset < piece.length) offset += writeSync(fd, piece, offset);
  };
  const headerBytes = Buffer.from(data.headerBytes);
  write(headerBytes);
  const key = Buffer.from(data.key);
  data.key.fill(0);
  const sealer = createChunkSealer(key, Buffer.from(data.prefix), headerBytes, write);
  return { fd, key, sealer, digest: () => ({ sha256: fileHash.digest('hex'), bytes }) };
}

let sealing: Sealing | null = null;
try {
  sealing = startSealing();
} catch (error: unknown) {
  failWith(error);
}

parentPort?.on('message', (message: Uint8Array | 'finish') => {
  const current = sealing;
  if (current === null) return; // failed already, and said so
  try {
    if (message === 'finish') {
      current.sealer.finish();
      current.key.fill(0);
      fsyncSync(current.fd);
      closeSync(current.fd);
      sealing = null;
      finishWith({ ok: true, ...current.digest() });
      return;
    }
    current.sealer.push(Buffer.from(message.buffer, message.byteOffset, message.byteLength));
    Atomics.sub(control, QUEUED, message.byteLength);
    Atomics.notify(control, QUEUED);
  } catch (error: unknown) {
    sealing = null;
    current.key.fill(0);
    failWith(error);
  }
});
