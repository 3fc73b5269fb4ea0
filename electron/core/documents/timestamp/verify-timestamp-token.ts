// Verifies an RFC 3161 time-stamp token against what it should time-stamp: the imprint is the
// hash of the given bytes (for a PAdES signature-time-stamp, the SignerInfo's signature value,
// ETSI EN 319 122-1 §5.3), the nonce is the one we sent (when we sent one), the token's CMS
// signature verifies with the TSA certificate that its signing-certificate attribute names
// (RFC 3161 §2.4.1, RFC 5816), that certificate is for time-stamping only and critical (§2.3),
// and genTime lies inside its validity. Trust in the TSA is judged by the caller.
import type { X509Certificate } from 'node:crypto';
import { X509Certificate as X509, createHash, verify } from 'node:crypto';
import { certificateFields } from '../signing/certificate-fields';
import { toDer } from '../signing/der';
import { OID } from '../signing/oids';
import { timeStampingUsageProblem } from './certificate-extensions';
import type { TimestampToken } from './read-timestamp-token';
import { readTimestampToken } from './read-timestamp-token';

const HASHES: ReadonlyMap<string, string> = new Map([
  [OID.sha256, 'sha256'],
  [OID.sha384, 'sha384'],
  [OID.sha512, 'sha512'],
  [OID.sha1, 'sha1'],
]);

const SIGNATURE_ALGORITHMS: ReadonlySet<string> = new Set([
  OID.rsaEncryption,
  OID.sha256WithRsa,
  OID.sha384WithRsa,
  OID.sha512WithRsa,
  OID.ecdsaWithSha256,
  OID.ecdsaWithSha384,
]);

export type TokenVerification =
  | {
      ok: true;
      genTime: Date;
      token: TimestampToken;
      tsaCertificate: X509Certificate;
      /** The token's certificates and the extra ones given, readable ones only. */
      certificates: X509Certificate[];
    }
  | { ok: false; reason: string; tsaCertificate: X509Certificate | null };

export type TokenExpectation = {
  /** The bytes whose hash the imprint must be. */
  imprintInput: Buffer;
  /** The nonce we sent, as the INTEGER's content octets. */
  nonce?: Buffer;
};

const asInteger = (bytes: Buffer): bigint =>
  bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);

function findTsaCertificate(token: TimestampToken, candidates: Buffer[]): Buffer | null {
  for (const der of candidates) {
    try {
      if (token.sidKeyIdentifier !== null) {
        const x509 = new X509(der);
        const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
        // Subject key identifiers are usually SHA-1 of the key bits; compare both common forms.
        if (createHash('sha1').update(spki).digest().equals(token.sidKeyIdentifier)) return der;
        continue;
      }
      const fields = certificateFields(der);
      if (
        token.sidIssuerDer !== null &&
        token.sidSerialDer !== null &&
        toDer(fields.issuer).equals(token.sidIssuerDer) &&
        toDer(fields.serialNumber).equals(token.sidSerialDer)
      )
        return der;
    } catch {
      // An unreadable extra certificate is skipped.
    }
  }
  return null;
}

const readable = (ders: Buffer[]): X509Certificate[] =>
  ders.flatMap((der) => {
    try {
      return [new X509(der)];
    } catch {
      return [];
    }
  });

function signatureVerifies(hash: string, token: TimestampToken, key: X509Certificate): boolean {
  try {
    return verify(hash, token.signedAttributesDer, key.publicKey, token.signature);
  } catch {
    return false; // e.g. a signature of the wrong shape for the key type
  }
}

export function verifyTimestampToken(
  tokenDer: Buffer,
  expected: TokenExpectation,
  extraCertificatesDer: readonly Buffer[] = [],
): TokenVerification {
  const token = readTimestampToken(tokenDer);
  if (typeof token === 'string') return { ok: false, reason: token, tsaCertificate: null };
  const candidates = [...token.certificatesDer, ...extraCertificatesDer];
  const tsaDer = findTsaCertificate(token, candidates);
  const tsaCertificate = tsaDer === null ? null : new X509(tsaDer);
  const fail = (reason: string): TokenVerification => ({ ok: false, reason, tsaCertificate });
  const { tstInfo } = token;
  const imprintHash = HASHES.get(tstInfo.imprintAlgorithm ?? '');
  if (imprintHash === undefined || imprintHash === 'sha1')
    return fail('The time-stamp’s imprint does not use SHA-256 or stronger.');
  if (!createHash(imprintHash).update(expected.imprintInput).digest().equals(tstInfo.imprint))
    return fail(
      'The time-stamp was made for other data (its imprint does not match the signature).',
    );
  if (
    expected.nonce !== undefined &&
    (tstInfo.nonce === null || asInteger(tstInfo.nonce) !== asInteger(expected.nonce))
  )
    return fail('The time-stamp does not carry the nonce of our request.');
  if (token.contentType !== OID.tstInfo)
    return fail('The time-stamp token’s signed content type is not TSTInfo.');
  const digestHash = HASHES.get(token.digestAlgorithm ?? '');
  if (digestHash === undefined || token.messageDigest === null)
    return fail('The time-stamp token’s digest is missing or uses an unknown algorithm.');
  if (!createHash(digestHash).update(token.tstInfoDer).digest().equals(token.messageDigest))
    return fail('The time-stamp token was altered (its message digest does not match).');
  if (tsaDer === null || tsaCertificate === null)
    return fail('The time-stamp token does not include the time-stamp authority’s certificate.');
  const essHash = HASHES.get(token.essCertHash?.algorithm ?? '');
  if (
    token.essCertHash === null ||
    essHash === undefined ||
    !createHash(essHash).update(tsaDer).digest().equals(token.essCertHash.hash)
  )
    return fail('The time-stamp token does not name its signing certificate (RFC 3161 §2.4.1).');
  if (!SIGNATURE_ALGORITHMS.has(token.signatureAlgorithm ?? ''))
    return fail('The time-stamp token’s signature algorithm is not supported.');
  const verified = signatureVerifies(digestHash, token, tsaCertificate);
  if (!verified)
    return fail('The time-stamp token’s signature does not verify with the authority’s key.');
  const usage = timeStampingUsageProblem(tsaDer);
  if (usage !== null) return fail(usage);
  const at = tstInfo.genTime.getTime();
  if (
    at < new Date(tsaCertificate.validFrom).getTime() ||
    at > new Date(tsaCertificate.validTo).getTime()
  )
    return fail('The time-stamp’s time lies outside the validity of the authority’s certificate.');
  return {
    ok: true,
    genTime: tstInfo.genTime,
    token,
    tsaCertificate,
    certificates: readable(candidates),
  };
}
