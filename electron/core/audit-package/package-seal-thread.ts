// Sealing the audit package on a second thread while the export reads the vault (issue 14, the
// export's speed; package-seal-worker.ts is the thread). The export's read is one synchronous
// transaction, so this side never awaits: each piece of the archive (a ustar header, an entry, its
// padding) is posted to the thread as it is read, its bytes handed over (transferred, not copied,
// when the piece owns its memory); the bytes not yet sealed are counted in shared memory, and the
// reader waits (Atomics.wait) while more than QUEUE_LIMIT bytes are queued, so memory stays at a
// few chunks. `finish` waits for the thread to seal the last chunk, fsync and answer with the
// file's SHA-256 and size (receiveMessageOnPort). Any failure there is thrown here. The bytes
// written are exactly those of the single-thread writer (write-package-file.ts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

export const QUEUED = 0;
export const DONE = 1;
const QUEUE_LIMIT = 32 * 1024 * 1024;
const WAIT_MS = 1000;
/** A thread that takes nothing this long has died (this thread cannot hear its 'error' event
 * while it waits synchronously): the export fails rather than hang. */
const STALLED_MS = 120_000;

export type SealThreadData = {
  temporary: string;
  headerBytes: Uint8Array;
  key: Uint8Array;
  prefix: Uint8Array;
  control: SharedArrayBuffer;
  results: MessagePort;
};

export type SealThreadResult =
  { ok: true; sha256: string; bytes: number } | { ok: false; message: string };

export type SealThread = {
  /** `handOver`: the caller no longer uses `piece` (a document just read), so its memory is
   * moved to the thread instead of copied; anything else is copied. */
  push: (piece: Buffer, handOver?: boolean) => void;
  finish: () => { sha256: string; bytes: number };
  stop: () => void;
};

const SEAL_WORKER = 'audit-package-seal-worker.mjs';

/** The sealing thread's bundle lies beside the audit thread's (scripts/build-node.mjs). */
export function sealWorkerBeside(auditWorkerFile: string | URL): string {
  const audit = auditWorkerFile instanceof URL ? fileURLToPath(auditWorkerFile) : auditWorkerFile;
  return join(dirname(audit), SEAL_WORKER);
}

/** Starts the thread over the temporary file (already created, empty), or null when its bundle
 * is not there (tests of the sources, a build without it): the export then seals on its own
 * thread, byte for byte the same. */
export function startSealThread(
  workerFile: string | undefined,
  data: Omit<SealThreadData, 'control' | 'results'>,
): SealThread | null {
  if (workerFile === undefined || !existsSync(workerFile)) return null;
  const control = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerFile, {
    workerData: { ...data, control: control.buffer, results: port2 },
    transferList: [port2],
  });
  let failed: string | null = null;
  const answer = (): SealThreadResult | undefined =>
    receiveMessageOnPort(port1)?.message as SealThreadResult | undefined;
  const check = (): void => {
    if (Atomics.load(control, DONE) === 1) {
      const result = answer();
      failed = result?.ok === false ? result.message : 'the sealing thread stopped';
    }
    if (failed !== null) throw new Error(`The audit package could not be written: ${failed}`);
  };
  return {
    push: (piece, handOver = false) => {
      if (piece.length === 0) return;
      check();
      // Moved only when the piece is the sole user of its memory (never a slice of Node's shared
      // pool, whose other users would lose theirs); otherwise copied by postMessage.
      const owns = piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength;
      Atomics.add(control, QUEUED, piece.length);
      if (handOver && owns) worker.postMessage(piece, [piece.buffer as ArrayBuffer]);
      else worker.postMessage(piece);
      let since = Date.now();
      for (let queued = Atomics.load(control, QUEUED); queued > QUEUE_LIMIT;) {
        Atomics.wait(control, QUEUED, queued, WAIT_MS);
        check();
        const now = Atomics.load(control, QUEUED);
        if (now !== queued) since = Date.now();
        else if (Date.now() - since > STALLED_MS)
          failed = 'the sealing thread stopped taking bytes';
        queued = now;
      }
      check();
    },
    finish: () => {
      worker.postMessage('finish');
      // The last chunk and the fsync: bounded by the queue, not by the package's size.
      const since = Date.now();
      while (Atomics.load(control, DONE) === 0) {
        Atomics.wait(control, DONE, 0, WAIT_MS);
        if (Date.now() - since > STALLED_MS) {
          void worker.terminate();
          throw new Error('The audit package could not be written: the sealing thread stopped.');
        }
      }
      const result = answer();
      void worker.terminate();
      port1.close();
      if (result === undefined || !result.ok)
        throw new Error(
          `The audit package could not be written: ${result?.ok === false ? result.message : 'the sealing thread gave no answer'}`,
        );
      return { sha256: result.sha256, bytes: result.bytes };
    },
    stop: () => {
      void worker.terminate();
      port1.close();
    },
  };
}
