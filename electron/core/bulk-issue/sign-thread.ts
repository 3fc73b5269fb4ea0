// A signing thread of a bulk issue (sign-pool.ts): seals, writes and signs the PDF of each
// certificate it is sent, with the keys it received once in workerData, and zeroes them when
// told to close (or when its port closes), before it ends. It reads no vault and writes nothing:
// the main thread checks every row before sending it and stores the signed PDF after.
// Bundled as electron/batch-sign-worker.mjs beside the CLI's folder (scripts/build-node.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { AppFailure } from '../app-failure';
import { issueSignedCertificate } from '../documents/issue-signed-certificate';
import { certificateDigest } from '../documents/seal/seal-payload';
import { extendSignature } from '../documents/timestamp/extend-signature';
import type {
  SignJob,
  SignThreadAnswer,
  SignThreadRequest,
  SignThreadSetup,
} from './sign-thread-protocol';

const port = parentPort;
if (port === null) throw new Error('sign-thread.ts runs as a worker thread');
const setup = workerData as SignThreadSetup;

// Buffers over the received copies (no further copy), so that close() zeroes the only ones.
const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
// The same objects for every job: the parsed keys are cached per object
// (issue-signed-certificate.ts sealKeyOf, sign-pdf.ts cmsSignerOf), so they are parsed once.
const identity = {
  privateKeyPkcs8Der: asBuffer(setup.privateKeyPkcs8Der),
  certificateChainDer: setup.certificateChainDer.map(asBuffer),
};
const sealKey = { privateKeyPkcs8Der: asBuffer(setup.sealPkcs8Der) };
let open = true;

function close(): void {
  if (!open) return;
  open = false;
  identity.privateKeyPkcs8Der.fill(0);
  sealKey.privateKeyPkcs8Der.fill(0);
}

async function sign(job: SignJob): Promise<Extract<SignThreadAnswer, { type: 'signed' }>> {
  if (!open) throw new Error('signing thread used after close');
  const document = await issueSignedCertificate(job.certificate, {
    identity,
    sealKey,
    signerName: setup.signerName,
    licenseeName: setup.licenseeName ?? job.certificate.exporter.name,
    signingTime: new Date(job.signingTime),
    resourcesDir: setup.resourcesDir,
    auditHead: job.auditHead,
  });
  // PAdES B-T/B-LT when a TSA is set and answers; otherwise B-B, with the reason recorded.
  const extended = await extendSignature(document.pdf, {
    tsaUrl: setup.tsaUrl,
    ...(setup.tsaTimeoutMs === undefined ? {} : { timeoutMs: setup.tsaTimeoutMs }),
  });
  return {
    type: 'signed',
    id: job.id,
    pdf: extended.pdf,
    digest: certificateDigest(job.certificate),
    level: extended.level,
    levelNote: extended.note,
  };
}

function failed(id: number, error: unknown): SignThreadAnswer {
  if (error instanceof AppFailure)
    return {
      type: 'failed',
      id,
      code: error.error.code,
      message: error.error.message,
      ...(error.error.fields === undefined ? {} : { fields: error.error.fields }),
    };
  return {
    type: 'failed',
    id,
    code: null,
    message: error instanceof Error ? error.message : 'signing failed',
  };
}

port.on('message', (request: SignThreadRequest) => {
  if (request.type === 'close') {
    close();
    const zeroed = [identity.privateKeyPkcs8Der, sealKey.privateKeyPkcs8Der].every((key) =>
      key.every((byte) => byte === 0),
    );
    port.postMessage({ type: 'closed', zeroed } satisfies SignThreadAnswer);
    port.close();
    return;
  }
  sign(request).then(
    (answer) => {
      // The PDF's memory moves to the main thread instead of being copied, when the PDF owns
      // its whole ArrayBuffer (never a slice of Node's shared pool of small buffers).
      const owned =
        answer.pdf.byteOffset === 0 && answer.pdf.byteLength === answer.pdf.buffer.byteLength;
      const transfer = owned ? [answer.pdf.buffer as ArrayBuffer] : [];
      port.postMessage(answer, transfer);
    },
    (error: unknown) => {
      port.postMessage(failed(request.id, error));
    },
  );
});
// The main thread went away without closing us (it ended or was killed): zero the keys anyway.
port.on('close', close);
