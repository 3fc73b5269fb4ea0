// For tests of long-term validation: a test root CA, a real RFC 3161 TSA on 127.0.0.1 whose
// certificate that CA issued, and a document-signing identity from the same CA that is valid
// only briefly (e.g. one day), so a test can move the clock past its expiry and check that a B-LT
// signature still validates while a B-B one does not. Close the TSA when done.
import type { SigningIdentity } from '../../../electron/core/documents/signing/identity';
import type { IssuedCertificate } from '../../../preview/test-tsa/test-pki';
import { testRootCa, testSigningIdentity } from '../../../preview/test-tsa/test-pki';
import type { TestTsa } from '../../../preview/test-tsa/test-tsa-server';
import { startTestTsa } from '../../../preview/test-tsa/test-tsa-server';

export type ShortLivedPki = {
  ca: IssuedCertificate;
  tsa: TestTsa;
  /** Signs documents; its certificate (chain: leaf, CA) is valid from notBefore to notAfter. */
  identity: SigningIdentity;
  /** The trust anchor to verify with (the CA's certificate, DER). */
  anchorDer: Buffer;
  notBefore: Date;
  notAfter: Date;
  close: () => Promise<void>;
};

const DAY_MS = 86_400_000;

export async function shortLivedPki(
  options: { now?: () => Date; validityDays?: number; keyType?: 'ec' | 'rsa' } = {},
): Promise<ShortLivedPki> {
  const now = options.now ?? (() => new Date());
  const start = now();
  const ca = testRootCa(start);
  const tsa = await startTestTsa({ ca, now });
  const notBefore = new Date(start.getTime() - 60_000);
  const notAfter = new Date(start.getTime() + (options.validityDays ?? 1) * DAY_MS);
  const identity = testSigningIdentity({
    ca,
    notBefore,
    notAfter,
    crlUrl: tsa.crlUrl,
    ...(options.keyType === undefined ? {} : { keyType: options.keyType }),
  });
  return { ca, tsa, identity, anchorDer: ca.der, notBefore, notAfter, close: tsa.close };
}
