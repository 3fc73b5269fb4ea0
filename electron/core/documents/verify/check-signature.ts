// The cryptographic checks of one PDF signature: the message digest equals SHA-256 of the signed
// byte ranges; signing-certificate-v2 names the signer certificate; the signature over the signed
// attributes verifies with that certificate's key. Each failure says which check failed.
import { X509Certificate, createHash, verify } from 'node:crypto';
import { certificateFields } from '../signing/certificate-fields';
import { toDer } from '../signing/der';
import { OID } from '../signing/oids';
import type { SignedCms } from './read-cms';
import type { ByteRange } from './scan-pdf';

export type SignatureCheck =
  | { ok: true; signer: X509Certificate; chain: X509Certificate[] }
  | { ok: false; reason: string; signer: X509Certificate | null };

function findSigner(cms: SignedCms): { der: Buffer; x509: X509Certificate } | null {
  for (const der of cms.certificatesDer) {
    try {
      const fields = certificateFields(der);
      if (
        toDer(fields.issuer).equals(cms.sidIssuerDer) &&
        toDer(fields.serialNumber).equals(cms.sidSerialDer)
      )
        return { der, x509: new X509Certificate(der) };
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

export function rangesDigest(bytes: Buffer, [a, b, c, d]: ByteRange): Buffer {
  return createHash('sha256')
    .update(bytes.subarray(a, a + b))
    .update(bytes.subarray(c, c + d))
    .digest();
}

export function checkSignature(bytes: Buffer, range: ByteRange, cms: SignedCms): SignatureCheck {
  const found = findSigner(cms);
  const signer = found?.x509 ?? null;
  const fail = (reason: string): SignatureCheck => ({ ok: false, reason, signer });
  if (found === null) return fail('The signature does not include the signer’s certificate.');
  if (cms.digestAlgorithm !== OID.sha256) return fail('The signature does not use SHA-256.');
  if (cms.contentType !== OID.data) return fail('The signed content type is not PDF data.');
  if (cms.messageDigest === null) return fail('The signature has no message digest.');
  if (!cms.messageDigest.equals(rangesDigest(bytes, range)))
    return fail('The document was changed after it was signed (digest mismatch).');
  const certificateHash = createHash('sha256').update(found.der).digest();
  if (cms.signingCertificateHash === null || !cms.signingCertificateHash.equals(certificateHash))
    return fail('The signature does not name its signing certificate (signing-certificate-v2).');
  if (cms.signatureAlgorithm === null || !SIGNATURE_ALGORITHMS.has(cms.signatureAlgorithm))
    return fail('The signature algorithm is not supported.');
  if (!verifiesWith(found.x509, cms))
    return fail('The signature value does not verify with the signer’s key.');
  const chain = cms.certificatesDer.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  return { ok: true, signer: found.x509, chain };
}
