// X.509 certificates parsed once per process: the verifier meets the same few certificates (the
// vault's identities, a CA, the signer's chain) on every file, and parsing one (with its public
// key) was the largest single cost of a verification (about a sixth, measured with --cpu-prof).
// An X509Certificate is immutable, so sharing it is safe; the cache is keyed by the exact DER
// bytes and bounded. Whether one certificate's key verifies another's signature is kept the same
// way, by the pair of SHA-256 fingerprints.
import { X509Certificate } from 'node:crypto';

const MAX_ENTRIES = 512;
const parsed = new Map<string, X509Certificate>();
const issuedBy = new Map<string, boolean>();

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_ENTRIES) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
  return value;
}

/** The certificate these DER bytes hold; throws, like X509Certificate, when they hold none. */
export function parsedCertificate(der: Uint8Array): X509Certificate {
  const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  return parsed.get(key) ?? remember(parsed, key, new X509Certificate(der));
}

/** `issuer` signed `subject`: names match and the signature verifies with the issuer's key. */
export function signedBy(issuer: X509Certificate, subject: X509Certificate): boolean {
  if (subject.issuer !== issuer.subject) return false;
  const key = `${issuer.fingerprint256}>${subject.fingerprint256}`;
  const known = issuedBy.get(key);
  if (known !== undefined) return known;
  let verified: boolean;
  try {
    verified = subject.verify(issuer.publicKey);
  } catch {
    verified = false;
  }
  return remember(issuedBy, key, verified);
}
