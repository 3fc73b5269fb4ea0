// The reference intake server (docs/submission-api.md): a real HTTPS server on 127.0.0.1 that
// plays Census or USKPA for development and tests (never shipped: it lives under preview/). It
// asks for a client certificate issued by its own test CA (mutual TLS), validates envelopes,
// stores each one once per idempotency key, answers with a receipt signed by its receipt key, and
// answers a repeated key with the very receipt it gave the first time. Fault switches let the
// tests break it in each way the issue lists.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { SubmissionEnvelope } from '../../electron/core/submission/submission-envelope';
import {
  SubmissionEnvelopeSchema,
  envelopeDigest,
} from '../../electron/core/submission/submission-envelope';
import type { Receipt, SignedReceipt } from '../../electron/core/submission/submission-receipt';
import { signReceipt } from '../../electron/core/submission/submission-receipt';
import type { IntakePki } from './intake-pki';

export const SUBMISSIONS_PATH = '/v1/submissions';
const MAX_BODY_BYTES = 40 * 1024 * 1024;

export type IntakeFaults = {
  /** Not listening at all: connections are refused. */
  down: boolean;
  /** Answer the next N requests with 500, storing nothing. */
  error500: number;
  /** Answer the next N requests with 429 and this Retry-After (seconds), storing nothing. */
  tooMany: { count: number; retryAfterSeconds: number };
  /** Store, then wait this long before answering (a client with a shorter timeout gives up). */
  slowMs: number;
  /** Store, then drop the connection of the next N requests without answering. */
  dropAfterStore: number;
  /** Present a certificate from an unrelated CA (a client pinned to ours must refuse it). */
  wrongCertificate: boolean;
  /** Handle every request this many times (a retransmitting proxy): still one delivery. */
  repeat: number;
  /** Accept with these warnings (a receipt with status accepted-with-warnings). */
  warnings: string[];
};

export type StoredSubmission = {
  envelope: SubmissionEnvelope;
  envelopeSha256: string;
  response: SignedReceipt;
  /** Requests that carried this key (the first and every repeat). */
  requests: number;
};

export type IntakeServer = {
  url: string;
  port: number;
  pki: IntakePki;
  faults: IntakeFaults;
  setFaults: (change: Partial<IntakeFaults>) => Promise<void>;
  /** Distinct submissions stored: what "delivered exactly once" is counted on. */
  deliveries: () => number;
  /** Every HTTP request that reached the handler (after TLS), including refused ones. */
  requests: () => number;
  /** TLS connections established (a refused server certificate never establishes one). */
  secureConnections: () => number;
  stored: () => ReadonlyMap<string, StoredSubmission>;
  close: () => Promise<void>;
};

export type IntakeOptions = {
  pki: IntakePki;
  port?: number;
  now?: () => Date;
  /** The recipients this server plays (both by default). */
  accepts?: readonly ('census' | 'uskpa')[];
  /** Called when a new submission is stored, before it is answered (crash tests kill here). */
  onStored?: (stored: { recipient: string; idempotencyKey: string }, deliveries: number) => void;
  /**
   * Tests: awaited before a request is answered (after it was stored), so a test can hold one
   * sender mid-delivery while another process runs; undefined answers at once.
   */
  holdAnswer?: (stored: { recipient: string; idempotencyKey: string }) => Promise<void> | undefined;
};

const noFaults = (): IntakeFaults => ({
  down: false,
  error500: 0,
  tooMany: { count: 0, retryAfterSeconds: 0 },
  slowMs: 0,
  dropAfterStore: 0,
  wrongCertificate: false,
  repeat: 1,
  warnings: [],
});

function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const refusal = (code: string, message: string) => ({ error: { code, message } });

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export async function startIntakeServer(options: IntakeOptions): Promise<IntakeServer> {
  const { pki } = options;
  const now = options.now ?? (() => new Date());
  const accepts = new Set(options.accepts ?? ['census', 'uskpa']);
  const faults = noFaults();
  const store = new Map<string, StoredSubmission>();
  let requestCount = 0;
  let secureCount = 0;
  const sockets = new Set<Socket>();

  /** One handling of one envelope: the stored receipt for a known key, else store and sign. */
  function accept(envelope: SubmissionEnvelope): { status: number; body: unknown } {
    const digest = envelopeDigest(envelope);
    const key = `${envelope.recipient}:${envelope.idempotencyKey}`;
    const known = store.get(key);
    if (known !== undefined) {
      known.requests += 1;
      if (known.envelopeSha256 !== digest)
        return {
          status: 409,
          body: refusal(
            'IDEMPOTENCY_CONFLICT',
            `Submission ${envelope.idempotencyKey} was already received with different content.`,
          ),
        };
      return { status: 200, body: known.response };
    }
    const warnings = [...faults.warnings];
    if (envelope.document === null) warnings.push('No signed PDF of the certificate was attached.');
    const receipt: Receipt = {
      receiptVersion: 1,
      receiptId: randomUUID(),
      idempotencyKey: envelope.idempotencyKey,
      recipient: envelope.recipient,
      receivedAt: now().toISOString(),
      envelopeSha256: digest,
      status: warnings.length === 0 ? 'accepted' : 'accepted-with-warnings',
      warnings,
      ...(envelope.auditHead === undefined ? {} : { auditHead: envelope.auditHead }),
    };
    const response = signReceipt(receipt, pki.receiptSigner.keyPem, pki.receiptSigner.certPem);
    store.set(key, { envelope, envelopeSha256: digest, response, requests: 1 });
    options.onStored?.(envelope, store.size);
    return { status: 201, body: response };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requestCount += 1;
    const socket = req.socket;
    if (!(socket instanceof TLSSocket) || !socket.authorized) {
      json(
        res,
        401,
        refusal(
          'CLIENT_CERTIFICATE_REFUSED',
          'A client certificate issued by this intake CA is required.',
        ),
      );
      return;
    }
    if (req.method !== 'POST' || req.url !== SUBMISSIONS_PATH) {
      json(res, 404, refusal('NOT_FOUND', `POST envelopes to ${SUBMISSIONS_PATH}.`));
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      json(res, 413, refusal('ENVELOPE_TOO_LARGE', 'The envelope exceeds 40 MB.'));
      return;
    }
    if (faults.error500 > 0) {
      faults.error500 -= 1;
      json(res, 500, refusal('INTERNAL', 'The intake failed (fault switch).'));
      return;
    }
    if (faults.tooMany.count > 0) {
      faults.tooMany.count -= 1;
      json(res, 429, refusal('TOO_MANY_REQUESTS', 'Slow down (fault switch).'), {
        'retry-after': String(faults.tooMany.retryAfterSeconds),
      });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      json(res, 400, refusal('ENVELOPE_INVALID', 'The body is not JSON.'));
      return;
    }
    const envelope = SubmissionEnvelopeSchema.safeParse(parsed);
    if (!envelope.success) {
      const issue = envelope.error.issues[0];
      const where = issue === undefined ? 'envelope' : issue.path.join('.') || 'envelope';
      json(res, 422, refusal('ENVELOPE_INVALID', `${where}: ${issue?.message ?? 'invalid'}`));
      return;
    }
    if (!accepts.has(envelope.data.recipient)) {
      json(
        res,
        422,
        refusal('WRONG_RECIPIENT', `This intake does not play ${envelope.data.recipient}.`),
      );
      return;
    }
    if (req.headers['idempotency-key'] !== envelope.data.idempotencyKey) {
      json(res, 422, refusal('ENVELOPE_INVALID', 'The Idempotency-Key header must match.'));
      return;
    }
    let outcome = accept(envelope.data);
    for (let i = 1; i < faults.repeat; i += 1) outcome = accept(envelope.data);
    if (faults.dropAfterStore > 0) {
      faults.dropAfterStore -= 1;
      socket.destroy();
      return;
    }
    const hold = options.holdAnswer?.(envelope.data);
    if (hold !== undefined) await hold;
    if (faults.slowMs > 0) {
      // Ends early when the client goes away, so a stopped test leaves no timer behind.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, faults.slowMs);
        res.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (res.destroyed) return;
    json(res, outcome.status, outcome.body);
  }

  const server: Server = createServer(
    {
      cert: pki.server.certPem,
      key: pki.server.keyPem,
      ca: [pki.ca.certPem],
      requestCert: true,
      // Checked per request (above) so that a missing certificate gets a clear 401, not a bare
      // handshake failure the client cannot tell from a network error.
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) json(res, 500, refusal('INTERNAL', 'The intake failed.'));
      });
    },
  );
  server.on('secureConnection', () => {
    secureCount += 1;
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stopListening = (): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) {
        resolve();
        return;
      }
      server.close(() => {
        resolve();
      });
    });

  const port = await listen(options.port ?? 0);
  const url = `https://127.0.0.1:${String(port)}${SUBMISSIONS_PATH}`;
  return {
    url,
    port,
    pki,
    faults,
    setFaults: async (change) => {
      const wasDown = faults.down;
      Object.assign(faults, change);
      if (change.wrongCertificate !== undefined) {
        // New connections get the other certificate (no SNI for an IP address, so the context
        // itself is swapped); connections kept alive with the old one must not carry on.
        const leaf = faults.wrongCertificate ? pki.rogueServer : pki.server;
        server.setSecureContext({ cert: leaf.certPem, key: leaf.keyPem, ca: [pki.ca.certPem] });
        for (const socket of sockets) socket.destroy();
      }
      if (!wasDown && faults.down) await stopListening();
      if (wasDown && !faults.down) await listen(port);
    },
    deliveries: () => store.size,
    requests: () => requestCount,
    secureConnections: () => secureCount,
    stored: () => store,
    close: stopListening,
  };
}
