// The RFC 3161 client: asks a time-stamp authority over HTTP(S) for a token over some bytes (for
// PAdES B-T, the SignerInfo's signature value), and checks the answer before it is used: status
// granted, the imprint and nonce are ours, the token's signature and the TSA certificate's
// critical id-kp-timeStamping usage (RFC 3161 §2.3, §2.4, §3.4). Never throws: a TSA that is down,
// slow or wrong is an outcome the signing flow records, since signing must not fail because of it.
import { createHash, randomBytes } from 'node:crypto';
import { derOctets, derOid, derSequence, tlv } from '../signing/der-encode';
import { OID } from '../signing/oids';
import { readTimestampResponse } from './read-timestamp-token';
import { verifyTimestampToken } from './verify-timestamp-token';

export const DEFAULT_TSA_TIMEOUT_MS = 10_000;
/** A token with a certificate chain is a few KiB; refuse to read megabytes from a wrong URL. */
const MAX_RESPONSE_BYTES = 256 * 1024;

export type TimestampOutcome =
  | { ok: true; tokenDer: Buffer; genTime: Date; authority: string; roundTripMs: number }
  | { ok: false; reason: string };

/** A fresh 64-bit nonce, positive and without a leading zero octet (DER INTEGER content). */
function newNonce(): Buffer {
  const nonce = randomBytes(8);
  nonce[0] = ((nonce[0] ?? 0) & 0x7f) | 0x01;
  return nonce;
}

/** TimeStampReq v1 with a SHA-256 imprint, a nonce and certReq TRUE (RFC 3161 §2.4.1). */
export function timestampRequest(imprintInput: Buffer, nonce: Buffer): Buffer {
  const imprint = derSequence(
    derSequence(derOid(OID.sha256)),
    derOctets(createHash('sha256').update(imprintInput).digest()),
  );
  return derSequence(
    tlv(0x02, Buffer.from([1])),
    imprint,
    tlv(0x02, nonce),
    Buffer.from([0x01, 0x01, 0xff]), // certReq TRUE: the token carries the TSA's certificate
  );
}

export function isTsaUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

async function readBounded(response: Response): Promise<Buffer | null> {
  if (response.body === null) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > MAX_RESPONSE_BYTES) return null; // leaving the loop cancels the stream
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
};

export async function requestTimestamp(
  tsaUrl: string,
  imprintInput: Buffer,
  options: { timeoutMs?: number } = {},
): Promise<TimestampOutcome> {
  if (!isTsaUrl(tsaUrl))
    return { ok: false, reason: 'The time-stamp authority’s address is not an http(s) URL.' };
  const nonce = newNonce();
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TSA_TIMEOUT_MS;
  let body: Buffer | null;
  try {
    const response = await fetch(tsaUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/timestamp-query',
        accept: 'application/timestamp-reply',
      },
      body: new Uint8Array(timestampRequest(imprintInput, nonce)),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) {
      await response.body?.cancel();
      return {
        ok: false,
        reason: `The time-stamp authority ${hostOf(tsaUrl)} answered HTTP ${String(response.status)}.`,
      };
    }
    body = await readBounded(response);
  } catch (error) {
    const timedOut =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ok: false,
      reason: timedOut
        ? `The time-stamp authority ${hostOf(tsaUrl)} did not answer within ${String(timeoutMs / 1000)} s.`
        : `The time-stamp authority ${hostOf(tsaUrl)} could not be reached (offline?).`,
    };
  }
  const roundTripMs = performance.now() - started;
  if (body === null)
    return { ok: false, reason: 'The time-stamp authority’s answer is too large.' };
  const response = readTimestampResponse(body);
  if (!response.granted) return { ok: false, reason: response.reason };
  const checked = verifyTimestampToken(response.tokenDer, { imprintInput, nonce });
  if (!checked.ok) return { ok: false, reason: checked.reason };
  return {
    ok: true,
    tokenDer: response.tokenDer,
    genTime: checked.genTime,
    authority: checked.tsaCertificate.subject.split('\n').join(', '),
    roundTripMs,
  };
}
