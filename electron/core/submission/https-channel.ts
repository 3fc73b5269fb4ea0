// The HTTPS channel (docs/submission-api.md): POSTs the JSON envelope over TLS 1.2 or later to
// the recipient's URL, trusting ONLY the recipient's pinned CA (Node's `ca` option replaces the
// system store), authenticating with the licensee's client certificate (mutual TLS), and accepts
// the copy as delivered only with a receipt that verifies against that same CA and echoes this
// envelope (submission-receipt.ts). A server certificate the CA did not issue fails the TLS
// handshake, before a single byte of the envelope is written.
import { Agent, request } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { ChannelOutcome } from './channel-outcome';
import { envelopeDigest } from './submission-envelope';
import type { SubmissionEnvelope } from './submission-envelope';
import { checkSignedReceipt } from './submission-receipt';

export type HttpsRecipient = {
  url: string;
  caPem: string;
  clientCertPem: string;
  clientKeyPem: string;
};

export type HttpsChannelOptions = {
  /** Abort an attempt that has no complete answer after this long (a slow server). */
  timeoutMs?: number;
  now?: () => Date;
};

export type SubmissionChannel = {
  send: (envelope: SubmissionEnvelope) => Promise<ChannelOutcome>;
  close: () => void;
};

const MAX_RESPONSE_BYTES = 256 * 1024;

/** OpenSSL's and Node's names for a server certificate that cannot be trusted. */
const UNTRUSTED_CERTIFICATE =
  /CERT|SELF_SIGNED|ISSUER|ALTNAME|SIGNATURE_FAILURE|UNABLE_TO_VERIFY|HOSTNAME/;

type Answer = { status: number; headers: IncomingMessage['headers']; body: string };

function retryAfterMs(value: string | string[] | undefined, now: Date): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function refusalText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const message = parsed.error?.message;
    if (typeof message === 'string') return message.slice(0, 500);
  } catch {
    // Not our JSON: the status alone says it.
  }
  return '';
}

export function createHttpsChannel(
  recipient: HttpsRecipient,
  options: HttpsChannelOptions = {},
): SubmissionChannel {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 60_000;
  const target = new URL(recipient.url);
  const host = target.host;
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 4,
    ca: [recipient.caPem],
    cert: recipient.clientCertPem,
    key: recipient.clientKeyPem,
    minVersion: 'TLSv1.2',
    rejectUnauthorized: true,
  });

  const post = (body: Buffer, key: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            'idempotency-key': key,
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) req.destroy(new Error('RESPONSE_TOO_LARGE'));
            else chunks.push(chunk);
          });
          res.on('end', () => {
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
      );
      req.on('error', reject);
      req.end(body);
    });

  const send = async (envelope: SubmissionEnvelope): Promise<ChannelOutcome> => {
    const body = Buffer.from(JSON.stringify(envelope), 'utf8');
    let answer: Answer;
    try {
      answer = await post(body, envelope.idempotencyKey);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const text = typeof code === 'string' ? code : '';
      if (UNTRUSTED_CERTIFICATE.test(text))
        return {
          kind: 'rejected',
          code: 'SERVER_CERTIFICATE_UNTRUSTED',
          message: `The server at ${host} presented a certificate that the CA configured for ${envelope.recipient} did not issue (${text}); nothing was sent. Check the recipient settings.`,
        };
      if (text === 'TIMEOUT')
        return {
          kind: 'retry',
          code: 'TIMEOUT',
          message: `${host} did not answer within ${String(timeoutMs / 1000)} s; it will be tried again.`,
        };
      return {
        kind: 'retry',
        code: 'NETWORK',
        message: `${host} could not be reached (${text || 'connection failed'}); it will be tried again.`,
      };
    }
    const said = refusalText(answer.body);
    const suffix = said === '' ? '' : `: ${said}`;
    if (answer.status === 200 || answer.status === 201) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(answer.body);
      } catch {
        parsed = null;
      }
      const check = checkSignedReceipt(parsed, {
        idempotencyKey: envelope.idempotencyKey,
        envelopeSha256: envelopeDigest(envelope),
        recipient: envelope.recipient,
        ...(envelope.auditHead === undefined ? {} : { auditHead: envelope.auditHead }),
        caPem: recipient.caPem,
        now: now(),
      });
      if (!check.ok)
        return {
          kind: 'rejected',
          code: 'RECEIPT_INVALID',
          message: `${host} answered, but its receipt cannot prove delivery: ${check.reason}.`,
        };
      return { kind: 'delivered', receipt: check.receipt };
    }
    if (answer.status === 429 || answer.status === 408 || answer.status >= 500) {
      const after = retryAfterMs(answer.headers['retry-after'], now());
      return {
        kind: 'retry',
        code: answer.status === 429 ? 'RATE_LIMITED' : 'SERVER_ERROR',
        message: `${host} answered ${String(answer.status)}${suffix}; it will be tried again.`,
        ...(after === undefined ? {} : { retryAfterMs: after }),
      };
    }
    if (answer.status === 401 || answer.status === 403)
      return {
        kind: 'rejected',
        code: 'CLIENT_CERTIFICATE_REFUSED',
        message: `${host} refused the client certificate (${String(answer.status)})${suffix}. Check the recipient settings.`,
      };
    if (answer.status === 409)
      return {
        kind: 'rejected',
        code: 'IDEMPOTENCY_CONFLICT',
        message: `${host} already holds ${envelope.idempotencyKey} with different content${suffix}.`,
      };
    return {
      kind: 'rejected',
      code: 'ENVELOPE_REFUSED',
      message: `${host} refused the submission (${String(answer.status)})${suffix}.`,
    };
  };

  return {
    send,
    close: () => {
      agent.destroy();
    },
  };
}
