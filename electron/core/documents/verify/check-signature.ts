// The cryptographic checks of one PDF signature: the message digest equals SHA-256 of the signed
// byte ranges; signing-certificate-v2 names the signer certificate; the signature over the signed
// attributes verifies with that certificate's key. Each failure says which check failed and of
// which kind it is, for the ETSI EN 319 102-1 sub-indication. The signed attributes must be
// exactly those of the PAdES baseline profile KP Desk signs with (ETSI EN 319 142-1 5.3 and
// EN 319 122-1 5.2: content-type, message-digest, signing-certificate-v2; signing-time "shall
// not" be present, the signing time being /M); the only unsigned attribute allowed is the
// signature time-stamp of B-T (EN 319 122-1 5.3).
import type { X509Certificate } from 'node:crypto';
import { createHash, verify } from 'node:crypto';
import { certificateFields } from '../signing/certificate-fields';
import { toDer } from '../signing/der';
import { OID } from '../signing/oids';
import type { HashedPrefix } from './hash-from-prefix';
import { rangesSha256 } from './hash-from-prefix';
import { parsedCertificate } from './parsed-certificates';
import type { SignedCms } from './read-cms';
import type { ByteRange } from './scan-pdf';

/** format: not the profile's structure; hash: the signed bytes changed; crypto: the signature
 * value does not verify; no-signer: the signer's certificate is not in the signature. */
export type SignatureFailure = 'format' | 'hash' | 'crypto' | 'no-signer';

export type SignatureCheck =
  | { ok: true; signer: X509Certificate; signerDer: Buffer; chain: X509Certificate[] }
  | { ok: false; failure: SignatureFailure; reason: string; signer: X509Certificate | null };

const PROFILE_SIGNED_ATTRIBUTES: readonly string[] = [
  OID.contentType,
  OID.messageDigest,
  OID.signingCertificateV2,
];
/** id-aa-signatureTimeStampToken (RFC 3161 appendix A; ETSI EN 319 122-1 5.3). */
export const SIGNATURE_TIME_STAMP_ATTRIBUTE = '1.2.840.113549.1.9.16.2.14';

function attributesOutsideProfile(cms: SignedCms): string | null {
  const signed = cms.signedAttributeTypes;
  if (signed.includes(OID.signingTime))
    return 'The signature carries a signing-time attribute, which PAdES signatures must not have (ETSI EN 319 142-1).';
  const extra = signed.filter((type) => !PROFILE_SIGNED_ATTRIBUTES.includes(type));
  if (extra.length > 0 || signed.length !== PROFILE_SIGNED_ATTRIBUTES.length)
    return `The signature's signed attributes are not those of the PAdES baseline profile (found ${signed.join(', ')}).`;
  const unsigned = cms.unsignedAttributeTypes;
  if (unsigned.some((type) => type !== SIGNATURE_TIME_STAMP_ATTRIBUTE) || unsigned.length > 1)
    return 'The signature carries unsigned attributes other than one signature time-stamp.';
  return null;
}

function findSigner(cms: SignedCms): { der: Buffer; x509: X509Certificate } | null {
  for (const der of cms.certificatesDer) {
    try {
      const fields = certificateFields(der);
      if (
        toDer(fields.issuer).equals(cms.sidIssuerDer) &&
        toDer(fields.serialNumber).equals(cms.sidSerialDer)
      )
        return { der, x509: parsedCertificate(der) };
    } catch {
      // An unreadable extra certificate is skipped; the signer's must be readable.
    }
  }
  return null;
}

const SIGNATURE_ALGORITHMS: ReadonlySet<string> = new Set([
  OID.rsaEncryption,
  OID.sha256WithRsa,
  OID.ecdsaWithSha256,
]);

function verifiesWith(signer: X509Certificate, cms: SignedCms): boolean {
  try {
    return verify('sha256', cms.signedAttributesDer, signer.publicKey, cms.signature);
  } catch {
    return false; // e.g. a signature of the wrong shape for the key type
  }
}

/** `prefix`: the bytes every KP Desk certificate starts with, hashed once (hash-from-prefix.ts). */
export function checkSignature(
  bytes: Buffer,
  range: ByteRange,
  cms: SignedCms,
  prefix?: HashedPrefix,
): SignatureCheck {
  const found = findSigner(cms);
  const signer = found?.x509 ?? null;
  const fail = (failure: SignatureFailure, reason: string): SignatureCheck => ({
    ok: false,
    failure,
    reason,
    signer,
  });
  if (found === null)
    return fail('no-signer', 'The signature does not include the signer’s certificate.');
  const outside = attributesOutsideProfile(cms);
  if (outside !== null) return fail('format', outside);
  if (cms.digestAlgorithm !== OID.sha256)
    return fail('format', 'The signature does not use SHA-256.');
  if (cms.contentType !== OID.data)
    return fail('format', 'The signed content type is not PDF data.');
  if (cms.messageDigest === null) return fail('format', 'The signature has no message digest.');
  if (!cms.messageDigest.equals(rangesSha256(bytes, range, prefix)))
    return fail('hash', 'The document was changed after it was signed (digest mismatch).');
  const certificateHash = createHash('sha256').update(found.der).digest();
  if (cms.signingCertificateHash === null || !cms.signingCertificateHash.equals(certificateHash))
    return fail(
      'format',
      'The signature does not name its signing certificate (signing-certificate-v2).',
    );
  if (cms.signatureAlgorithm === null || !SIGNATURE_ALGORITHMS.has(cms.signatureAlgorithm))
    return fail('format', 'The signature algorithm is not supported.');
  if (!verifiesWith(found.x509, cms))
    return fail('crypto', 'The signature value does not verify with the signer’s key.');
  const chain = cms.certificatesDer.flatMap((der) => {
    try {
      return [parsedCertificate(der)];
    } catch {
      return [];
    }
  });
  return { ok: true, signer: found.x509, signerDer: found.der, chain };
}
