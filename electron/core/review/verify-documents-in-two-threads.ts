// The full review's signed PDFs verified on this thread and a helper thread at once (issue 14:
// 10,000 certificates with every PDF verified in 20 s on two cores; one PDF is several
// milliseconds of CPU). The same arrangement as the audit verification's
// (vault/audit/run-units-in-two-threads.ts), with its own bundle beside the audit thread's
// (electron/review-documents-worker.mjs, job documents-verify-job.ts): both threads take documents
// from one shared counter; the helper reads each PDF on its own read-only connection (the bytes
// never cross threads, only the verification's plain-data result) and builds its verifier from
// the same vault through the same document operations, with the review's clock and rule
// settings, so it answers exactly as this thread would. It takes part only if it sees the same
// newest audit event as this thread (the same snapshot). This thread waits for it synchronously
// (the review is one read transaction) and verifies here whatever the helper did not report, so
// the findings never depend on the helper.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import type { HelperThread } from '../vault/audit/run-units-in-two-threads';
import { BUSY, NEXT, TAKEN } from '../vault/audit/run-units-in-two-threads';
import { chainHead } from '../vault/audit/verification-units';
import type { DocumentsJob, DocumentsMessage } from './documents-verify-job';
import type {
  StoredDocument,
  StoredDocumentsVerifier,
  StoredVerification,
} from './verify-stored-documents';

/** What the helper needs to verify as this thread does. */
export type DocumentsHelperContext = {
  /** The validation time of every verification in this review. */
  at: Date;
  /** The rule settings the records are read by (document-operations.ts, printable). */
  settings: ValidationSettings;
  /** The fonts' folder; undefined: the helper looks beside its bundle, as the app does. */
  resourcesDir: string | undefined;
  /** false: this thread only waits and verifies what the helper did not report (a test proves
   * the helper's answers this way). Default true: both threads verify. */
  thisThreadTakes?: boolean;
  /** The helper starts from this many documents (default HELPER_FROM_DOCUMENTS). */
  helperFromDocuments?: number;
  /** How many documents each thread verified (the benchmark prints it). */
  onShares?: (shares: { here: number; helper: number }) => void;
};

const DOCUMENTS_WORKER = 'review-documents-worker.mjs';

/** Below this many documents the helper's start (its bundle, its connection, the fonts) costs
 * more than it saves. */
const HELPER_FROM_DOCUMENTS = 40;
/** How long one wait lasts before the flags are read again (a lost wake-up costs no more). */
const WAIT_MS = 200;
/** A helper that holds one document this long has died or stalled: it is verified here. */
const STALLED_MS = 120_000;
/** The helper's heap: one PDF at a time, a few MB each, with the fonts and the writer. */
const HELPER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

/** The documents thread's bundle lies beside the audit thread's (scripts/build-node.mjs), so
 * every host that ships the one (the app's vault worker, the CLI) finds the other. */
export function documentsWorkerBeside(auditWorkerFile: string | URL): string {
  const audit = auditWorkerFile instanceof URL ? fileURLToPath(auditWorkerFile) : auditWorkerFile;
  return join(dirname(audit), DOCUMENTS_WORKER);
}

function startHelper(
  db: Database,
  helper: HelperThread,
  context: DocumentsHelperContext,
  documents: readonly StoredDocument[],
  control: Int32Array,
  channel: MessageChannel,
): Worker | null {
  const file = documentsWorkerBeside(helper.workerFile);
  if (documents.length < (context.helperFromDocuments ?? HELPER_FROM_DOCUMENTS)) return null;
  if (!existsSync(file)) return null;
  const job: DocumentsJob = {
    mode: 'review-documents',
    path: db.name,
    key: new Uint8Array(helper.key),
    head: chainHead(db),
    documents: [...documents],
    at: context.at.toISOString(),
    settings: context.settings,
    resourcesDir: context.resourcesDir ?? null,
    control: control.buffer as SharedArrayBuffer,
    port: channel.port2,
  };
  const worker = new Worker(file, {
    workerData: job,
    transferList: [channel.port2],
    resourceLimits: HELPER_LIMITS,
  });
  // The worker received its own copy of the job when it was created.
  job.key.fill(0);
  // Its failures are the helper's own: whatever it did not finish is verified here.
  worker.on('error', () => undefined);
  worker.unref();
  return worker;
}

/** The helper holds a document, or (when this thread takes none) has documents left. */
function helperWorking(control: Int32Array, total: number, thisThreadTakes: boolean): boolean {
  return (
    Atomics.load(control, BUSY) === 1 || (!thisThreadTakes && Atomics.load(control, NEXT) < total)
  );
}

export function verifyStoredInTwoThreads(
  db: Database,
  helper: HelperThread,
  context: DocumentsHelperContext,
  verifyHere: (document: StoredDocument) => StoredVerification | undefined,
): StoredDocumentsVerifier {
  return (documents, onDocument) => {
    // null: the helper reported that the vault holds no bytes for the document.
    const results = new Map<number, StoredVerification | null>();
    const control = new Int32Array(new SharedArrayBuffer(12));
    const channel = new MessageChannel();
    const worker = startHelper(db, helper, context, documents, control, channel);
    const collect = (): void => {
      for (let message = receiveMessageOnPort(channel.port1); message !== undefined;) {
        const reply = message.message as DocumentsMessage;
        if ('verification' in reply) results.set(reply.index, reply.verification);
        message = receiveMessageOnPort(channel.port1);
      }
    };
    for (
      let i = context.thisThreadTakes === false ? documents.length : Atomics.add(control, NEXT, 1);
      i < documents.length;
      i = Atomics.add(control, NEXT, 1)
    ) {
      // Every document before this one has been started, by one thread or the other.
      onDocument?.(i, documents.length);
      const document = documents[i];
      if (document !== undefined) results.set(i, verifyHere(document) ?? null);
    }
    // Every document is taken: wait for the one the helper may hold, unless it stopped moving
    // (a thread that died cannot clear its flag): then that document is verified below.
    let taken = Atomics.load(control, TAKEN);
    let since = performance.now();
    while (
      worker !== null &&
      helperWorking(control, documents.length, context.thisThreadTakes !== false) &&
      performance.now() - since < STALLED_MS
    ) {
      // Woken when the helper puts a document down; a helper still starting is looked at again
      // after WAIT_MS.
      Atomics.wait(control, BUSY, Atomics.load(control, BUSY), WAIT_MS);
      if (Atomics.load(control, TAKEN) !== taken) {
        taken = Atomics.load(control, TAKEN);
        since = performance.now();
      }
    }
    const here = results.size;
    collect();
    context.onShares?.({ here, helper: results.size - here });
    channel.port1.close();
    void worker?.terminate();
    return documents.map((document, i) => {
      const result = results.get(i);
      if (result === undefined) return verifyHere(document);
      return result ?? undefined;
    });
  };
}
