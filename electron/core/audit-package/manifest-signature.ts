// The manifest's signature: a detached CMS SignedData (RFC 5652) over the manifest's bytes by the
// licensee's signing identity, with the signer's certificate chain inside, made with the same
// code as the certificates' PAdES signatures (cms-signed-data.ts), so `openssl cms -verify
// -binary -inform DER -content manifest.json` checks it too. Checking it here reuses the PDF
// verifier's CMS reader and signature check over one byte range, the whole manifest, and its
// trust check against the anchors of the computer that opens the package: a package signed by
// an identity nobody here trusts is "signed by X, whose certificate is not trusted here", never
// "genuine" (words carry weight).
import { createHash, X509Certificate } from 'node:crypto';
import type { CmsSigner } from '../documents/signing/cms-signed-data';
import { buildSignedData } from '../documents/signing/cms-signed-data';
import { checkSignature } from '../documents/verify/check-signature';
import { checkTrust } from '../documents/verify/check-trust';
import { readCms } from '../documents/verify/read-cms';

export function signManifest(manifest: Buffer, signer: CmsSigner): Buffer {
  return buildSignedData(createHash('sha256').update(manifest).digest(), signer);
}

export type ManifestSignatureCheck =
  | {
      status: 'trusted' | 'untrusted';
      /** The signer's subject on one line. */
      signer: string;
      signerFingerprint: string;
      message: string;
    }
  | { status: 'invalid'; signer: string | null; message: string };

const oneLine = (name: string): string => name.split('\n').filter(Boolean).join(', ');

export function checkManifestSignature(
  manifest: Buffer,
  signature: Buffer,
  anchorsDer: readonly Buffer[],
  at: Date,
): ManifestSignatureCheck {
  const cms = readCms(signature);
  if (typeof cms === 'string')
    return { status: 'invalid', signer: null, message: `The manifest's signature: ${cms}` };
  const check = checkSignature(manifest, [0, manifest.length, manifest.length, 0], cms);
  if (!check.ok) {
    const signer = check.signer === null ? null : oneLine(check.signer.subject);
    const why =
      check.failure === 'hash'
        ? 'the manifest was changed after it was signed (its SHA-256 is not the one signed)'
        : check.failure === 'crypto'
          ? 'the signature value does not verify with the signer’s key'
          : check.reason;
    return { status: 'invalid', signer, message: `The manifest's signature is broken: ${why}.` };
  }
  const signer = oneLine(check.signer.subject);
  const anchors = anchorsDer.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  const intermediates = check.chain.filter((c) => c.fingerprint256 !== check.signer.fingerprint256);
  const trust = checkTrust(check.signer, intermediates, anchors, at);
  if (trust.status === 'trusted')
    return {
      status: 'trusted',
      signer,
      signerFingerprint: check.signer.fingerprint256,
      message: `Signed by ${signer}, whose certificate is trusted here.`,
    };
  return {
    status: 'untrusted',
    signer,
    signerFingerprint: check.signer.fingerprint256,
    message: `Signed by ${signer}, whose certificate is not trusted here (${trust.reason}). The signature is intact: the manifest is the one this certificate's key signed; whether that key is the licensee's must be established another way (compare the fingerprint ${check.signer.fingerprint256} with the licensee).`,
  };
}
