// The RFC 3161 client against answers it must not accept: a refusal, a replayed token (another
// nonce and imprint), HTML from a wrong address, a TSA certificate without the critical
// time-stamping usage; and the moved clock a long-term test needs (a TSA whose time is injected
// and a signing certificate that has expired since).
import { X509Certificate, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSignedCertificate } from '../../../electron/core/documents/issue-signed-certificate';
import { generateSealKey } from '../../../electron/core/documents/seal/seal-key';
import {
  cmsInHole,
  findSignatureHole,
  signatureValueOf,
} from '../../../electron/core/documents/timestamp/embed-signature-timestamp';
import { extendSignature } from '../../../electron/core/documents/timestamp/extend-signature';
import { readTimestampResponse } from '../../../electron/core/documents/timestamp/read-timestamp-token';
import {
  requestTimestamp,
  timestampRequest,
} from '../../../electron/core/documents/timestamp/request-timestamp';
import { checkSignatureTimestamp } from '../../../electron/core/documents/verify/check-timestamp';
import { checkTrust } from '../../../electron/core/documents/verify/check-trust';
import type { TestTsa } from '../../../preview/test-tsa/test-tsa-server';
import { startTestTsa } from '../../../preview/test-tsa/test-tsa-server';
import { resourcesDir, validCertificate } from '../../unit/documents/signed-certificate-fixture';
import { shortLivedPki } from './short-lived-pki';

let tsa: TestTsa;
let replay: { url: string; close: () => void };
let html: { url: string; close: () => void };

function fixedAnswer(body: Buffer, type: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${String(port)}/tsa`,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      });
    });
  });
}

beforeAll(async () => {
  tsa = await startTestTsa();
  // A genuine answer from the TSA, for another request: what a replaying server would send.
  const response = await fetch(tsa.url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: new Uint8Array(timestampRequest(randomBytes(32), Buffer.from([0x11, 0x22]))),
  });
  replay = await fixedAnswer(
    Buffer.from(await response.arrayBuffer()),
    'application/timestamp-reply',
  );
  html = await fixedAnswer(Buffer.from('<html>Login</html>'), 'text/html');
});
afterAll(async () => {
  replay.close();
  html.close();
  await tsa.close();
});

describe('answers the client refuses', () => {
  it('a refusal, with the TSA’s status and text', async () => {
    const response = await fetch(tsa.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: new Uint8Array(Buffer.from('not a request')),
    });
    const answer = readTimestampResponse(Buffer.from(await response.arrayBuffer()));
    expect(answer).toEqual({
      granted: false,
      reason:
        'The time-stamp authority refused the request (rejection: The request is not a TimeStampReq.).',
    });
  });

  it('a replayed token (another nonce and imprint)', async () => {
    const outcome = await requestTimestamp(replay.url, randomBytes(32));
    expect(outcome).toEqual({
      ok: false,
      reason: 'The time-stamp was made for other data (its imprint does not match the signature).',
    });
  });

  it('a web page from a wrong address', async () => {
    const outcome = await requestTimestamp(html.url, randomBytes(32));
    expect(outcome).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not valid DER') as unknown,
    });
  });

  it('a token whose certificate lacks the critical time-stamping usage (RFC 3161 §2.3)', async () => {
    const lax = await startTestTsa({ nonCriticalUsage: true });
    try {
      const data = randomBytes(32);
      expect(await requestTimestamp(lax.url, data)).toEqual({
        ok: false,
        reason:
          'The time-stamp authority’s certificate does not mark time-stamping as critical (RFC 3161 §2.3).',
      });
    } finally {
      await lax.close();
    }
  });

  it('a TSA that is slower than the timeout', async () => {
    const server = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const started = Date.now();
    const outcome = await requestTimestamp(`http://127.0.0.1:${String(port)}/tsa`, randomBytes(8), {
      timeoutMs: 300,
    });
    server.closeAllConnections();
    server.close();
    expect(outcome).toEqual({
      ok: false,
      reason: `The time-stamp authority 127.0.0.1:${String(port)} did not answer within 0.3 s.`,
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('the moved clock of a long-term test', () => {
  it('time-stamps at the injected time; the signer, expired now, was valid then', async () => {
    const signedAt = new Date(Date.now() - 3 * 86_400_000);
    const pki = await shortLivedPki({ now: () => signedAt, validityDays: 1 });
    try {
      const { pdf } = await issueSignedCertificate(validCertificate(), {
        identity: pki.identity,
        sealKey: generateSealKey(),
        signerName: 'Test Signatory',
        licenseeName: 'Test Diamond Exports LLC',
        resourcesDir,
        signingTime: signedAt,
      });
      const extended = await extendSignature(pdf, { tsaUrl: pki.tsa.url });
      expect(extended.level).toBe('B-LT');
      const hole = findSignatureHole(extended.pdf);
      const cms = hole === null ? null : cmsInHole(extended.pdf, hole);
      if (cms === null) throw new Error('no CMS');
      const check = checkSignatureTimestamp(cms, signatureValueOf(cms), [pki.anchorDer], []);
      expect(check).toMatchObject({ status: 'verified', trusted: true });
      expect(Math.abs((check.time?.getTime() ?? 0) - signedAt.getTime())).toBeLessThan(2000);
      const signer = new X509Certificate(pki.identity.certificateChainDer[0] as Buffer);
      const anchors = [new X509Certificate(pki.anchorDer)];
      expect(checkTrust(signer, [], anchors, check.time ?? new Date()).status).toBe('trusted');
      expect(checkTrust(signer, [], anchors, new Date()).status).toBe('untrusted');
    } finally {
      await pki.close();
    }
  });
});
