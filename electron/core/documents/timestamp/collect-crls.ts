// The CRLs for PAdES B-LT's DSS: for each certificate of the signer's and the TSA's chains, the
// CRL its issuer publishes at an http:// CRL distribution point (RFC 5280 §4.2.1.13; RFC 5280
// CRLs are fetched over plain HTTP, their signature is their protection). Each is kept only if
// it is signed by the issuer among the certificates we hold. Bounded in time and size; a CA that
// publishes nothing or cannot be reached gives no CRL, never an error.
import type { X509Certificate } from 'node:crypto';
import { verify } from 'node:crypto';
import { bytesOf, childrenOf, fromDer, oidOf, toDer } from '../signing/der';
import { OID } from '../signing/oids';
import { crlDistributionUrls } from './certificate-extensions';

const MAX_CRL_BYTES = 1024 * 1024;
const HASH_OF: ReadonlyMap<string, string> = new Map([
  [OID.sha256WithRsa, 'sha256'],
  [OID.sha384WithRsa, 'sha384'],
  [OID.sha512WithRsa, 'sha512'],
  [OID.ecdsaWithSha256, 'sha256'],
  [OID.ecdsaWithSha384, 'sha384'],
]);

/** Whether `der` is a CertificateList signed by `issuer` (RFC 5280 §5.1). */
export function crlSignedBy(der: Buffer, issuer: X509Certificate): boolean {
  try {
    const [tbs, algorithm, signature] = childrenOf(fromDer(der));
    const hash = HASH_OF.get(oidOf(childrenOf(algorithm)[0]) ?? '');
    const bits = bytesOf(signature);
    if (tbs === undefined || hash === undefined || bits === null || bits[0] !== 0) return false;
    return verify(hash, toDer(tbs), issuer.publicKey, bits.subarray(1));
  } catch {
    return false;
  }
}

async function fetchBounded(url: string, timeoutMs: number): Promise<Buffer | null> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const length = Number(response.headers.get('content-length') ?? '0');
    if (!response.ok || length > MAX_CRL_BYTES) {
      await response.body?.cancel();
      return null;
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    return bytes.length <= MAX_CRL_BYTES ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * The CRLs of `chain`'s issuers, fetched at once (in parallel). `seen` holds the addresses already
 * asked for, so two calls (the signer's chain, then the TSA's) do not fetch one CRL twice.
 */
export async function collectCrls(
  chain: readonly X509Certificate[],
  options: { timeoutMs: number; seen?: Set<string> },
): Promise<Buffer[]> {
  const seen = options.seen ?? new Set<string>();
  const requests: Promise<Buffer | null>[] = [];
  for (const certificate of chain.slice(0, 12)) {
    const issuer = chain.find(
      (candidate) => certificate.checkIssued(candidate) && certificate.verify(candidate.publicKey),
    );
    if (issuer === undefined || issuer === certificate) continue; // a root has no CRL to check it
    for (const url of crlDistributionUrls(certificate.raw)) {
      if (seen.has(url)) continue;
      seen.add(url);
      requests.push(
        fetchBounded(url, options.timeoutMs).then((der) =>
          der !== null && crlSignedBy(der, issuer) ? der : null,
        ),
      );
    }
  }
  return (await Promise.all(requests)).filter((der): der is Buffer => der !== null);
}
