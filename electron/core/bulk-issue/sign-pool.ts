// The signing threads of a bulk issue: the machine a carrier issues on has two cores, and sealing
// and signing a certificate (the PDF, its QR seal, the CMS signature) is CPU work that needs no
// vault. So up to two threads (sign-thread.ts, bundled as electron/batch-sign-worker.mjs) sign
// while this thread checks the next rows and commits the signed ones (the second one only when
// the first cannot keep up: BUSY_SHARE below). Each thread receives a copy of
// the keys once; this side zeroes its copies as soon as the threads hold theirs, and close()
// has every thread zero its own before it ends (and a thread whose parent goes away zeroes them
// too). Jobs go to the thread with the fewest in flight; answers come back by job id, so the
// caller keeps its rows in input order whatever order the threads finish in.
import { Worker } from 'node:worker_threads';
import type { Certificate } from '../../../shared/domain/certificate';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodes } from '../../../shared/errors';
import { AppFailure } from '../app-failure';
import type { SigningSession } from '../signing-keys/signing-session';
import type { PreparedDocument } from '../vault/document-operations';
import type { SignThreadAnswer, SignThreadRequest, SignThreadSetup } from './sign-thread-protocol';

export type SignerSetup = {
  signerName: string;
  licenseeName: string | null;
  resourcesDir: string;
  tsaUrl: string | null | undefined;
  tsaTimeoutMs?: number;
};

export type SignPoolOptions = {
  workerFile: string;
  session: SigningSession;
  setup: SignerSetup;
  /** The audit chain's head now, signed into each document (signing-operations.ts). */
  auditHead: () => { vault?: string; seq: number; hash: string };
  now: () => Date;
  /** At most this many threads; the first starts at once, the next when signing lags. */
  threads: number;
};

export type SignPool = {
  sign: (certificate: Certificate) => Promise<PreparedDocument>;
  /**
   * Every thread zeroes its keys and ends; resolves when all have, with each thread's own report
   * that its copies read zero (false: it did not answer and was stopped). Idempotent.
   */
  close: () => Promise<boolean[]>;
};

type Waiting = {
  resolve: (document: PreparedDocument) => void;
  reject: (error: unknown) => void;
  signedAt: Date;
};

type Thread = {
  worker: Worker;
  waiting: Map<number, Waiting>;
  ended: Promise<void>;
  /** Set by the thread's 'closed' answer. */
  zeroed: boolean;
  /** Time with at least one job in flight (ms), from the first answer on; null before it. */
  busy: { since: number; total: number; from: number } | null;
};

function allBusy(threads: readonly Thread[]): boolean {
  const now = performance.now();
  return threads.every((thread) => {
    if (thread.busy === null || now - thread.busy.from < MEASURE_MS) return false;
    const running = thread.waiting.size > 0 ? now - thread.busy.since : 0;
    return (thread.busy.total + running) / (now - thread.busy.from) >= BUSY_SHARE;
  });
}

/** A thread that does not confirm its close within this time is stopped all the same. */
const CLOSE_TIMEOUT_MS = 10_000;

const asErrorCode = (code: string): ErrorCode =>
  (errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL';

function failureOf(answer: Extract<SignThreadAnswer, { type: 'failed' }>): Error {
  return answer.code === null
    ? new Error(`A signing thread failed: ${answer.message}`)
    : new AppFailure(asErrorCode(answer.code), answer.message, answer.fields);
}

function startThread(options: SignPoolOptions): Thread {
  const { session, setup } = options;
  const data: SignThreadSetup = {
    privateKeyPkcs8Der: new Uint8Array(session.identity.privateKeyPkcs8Der),
    certificateChainDer: session.identity.certificateChainDer.map((der) => new Uint8Array(der)),
    sealPkcs8Der: new Uint8Array(session.sealKey.privateKeyPkcs8Der),
    signerName: setup.signerName,
    licenseeName: setup.licenseeName,
    resourcesDir: setup.resourcesDir,
    tsaUrl: setup.tsaUrl ?? null,
    ...(setup.tsaTimeoutMs === undefined ? {} : { tsaTimeoutMs: setup.tsaTimeoutMs }),
  };
  let worker: Worker;
  try {
    worker = new Worker(options.workerFile, { workerData: data });
  } finally {
    // The thread received its own copy when it was created: this one is no longer needed.
    data.privateKeyPkcs8Der.fill(0);
    data.sealPkcs8Der.fill(0);
  }
  const waiting = new Map<number, Waiting>();
  const failAll = (error: Error): void => {
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  const thread: Thread = { worker, waiting, ended: Promise.resolve(), zeroed: false, busy: null };
  worker.on('message', (answer: SignThreadAnswer) => {
    if (answer.type === 'closed') {
      thread.zeroed = answer.zeroed;
      return;
    }
    const job = waiting.get(answer.id);
    if (job === undefined) return;
    waiting.delete(answer.id);
    const now = performance.now();
    // Busy time counts from the first answer: the start of the thread is not signing.
    if (thread.busy === null) thread.busy = { since: now, total: 0, from: now };
    else if (waiting.size === 0) thread.busy.total += now - thread.busy.since;
    if (answer.type === 'failed') {
      job.reject(failureOf(answer));
      return;
    }
    job.resolve({
      kind: 'certificate',
      pdf: Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength),
      digest: answer.digest,
      signedAt: job.signedAt,
      level: answer.level,
      levelNote: answer.levelNote,
    });
  });
  worker.on('error', (error: Error) => {
    failAll(new Error(`A signing thread stopped: ${error.message}`));
  });
  thread.ended = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      failAll(new Error('A signing thread ended before answering.'));
      resolve();
    });
  });
  return thread;
}

async function closeThread(thread: Thread): Promise<boolean> {
  thread.worker.postMessage({ type: 'close' } satisfies SignThreadRequest);
  // It zeroes its keys, answers 'closed' and closes its port, which ends it.
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => {
      resolve('late');
    }, CLOSE_TIMEOUT_MS);
  });
  const outcome = await Promise.race([thread.ended.then(() => 'ended' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') await thread.worker.terminate();
  return thread.zeroed;
}

/**
 * The next thread is started only when the threads running are busy this share of the time,
 * measured over at least MEASURE_MS after the first answer. A thread costs about half a second
 * of CPU to start (its bundle, fontkit's tables, the fonts: bench/issue-batch-bench.ts), and row
 * by row this thread's checks and commits, not the signing, set the pace: the first thread is
 * busy about a quarter of the time, and a second would only add its start. --all-or-nothing
 * signs every row ahead of its one commit: there the first thread is always busy, and the
 * second pays for itself.
 */
const BUSY_SHARE = 0.85;
const MEASURE_MS = 1000;

export function startSignPool(options: SignPoolOptions): SignPool {
  const threads = [startThread(options)];
  let nextId = 1;
  let closing: Promise<boolean[]> | undefined;
  const pick = (): Thread => {
    const least = threads.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    if (threads.length >= options.threads || !allBusy(threads)) return least;
    const added = startThread(options);
    threads.push(added);
    return added;
  };
  return {
    sign: (certificate) => {
      if (closing !== undefined) return Promise.reject(new Error('sign pool used after close'));
      // The identity must be valid at the signing time written into the document.
      const signedAt = options.now();
      options.session.assertUsableAt(signedAt);
      const thread = pick();
      const id = nextId;
      nextId += 1;
      return new Promise<PreparedDocument>((resolve, reject) => {
        if (thread.waiting.size === 0 && thread.busy !== null)
          thread.busy.since = performance.now();
        thread.waiting.set(id, { resolve, reject, signedAt });
        thread.worker.postMessage({
          type: 'sign',
          id,
          certificate,
          signingTime: signedAt.toISOString(),
          auditHead: options.auditHead(),
        } satisfies SignThreadRequest);
      });
    },
    close: () => {
      closing ??= Promise.all(threads.map(closeThread));
      return closing;
    },
  };
}
