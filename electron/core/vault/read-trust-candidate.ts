// Whether a file an administrator chose may go into the vault's trust list, and what it is. Two
// kinds of certificate are worth trusting (issue 11: "a USKPA or commercial CA"):
// - a certification authority (a USKPA or commercial root or intermediate): basicConstraints
//   cA = TRUE (RFC 5280 4.2.1.9) and, when keyUsage is present, keyCertSign (RFC 5280 4.2.1.3:
//   a CA key that may not sign certificates vouches for nothing);
// - one signer's own certificate (a partner's signing certificate, trusted as itself): not a CA,
//   and fit for signing documents as the verifier judges it (signer-key-usage.ts: keyUsage
//   digitalSignature or nonRepudiation, an extended key usage that allows document signing).
// Anything else (a TLS server certificate, a CA restricted to CRL signing) is refused, as is an
// expired or not yet valid certificate, a file with several certificates, or no certificate at
// all. Bad input is an AppFailure with a message that names the rule, never an internal error.
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { AppFailure } from '../app-failure';
import { extensionValue, extensionsOf } from '../documents/verify/certificate-extensions';
import { signerKeyUsage } from '../documents/verify/signer-key-usage';
import { bytesOf, childrenOf, oidOf } from '../documents/signing/der';
import { OID } from '../documents/signing/oids';

export type TrustCandidateKind = 'certification-authority' | 'signing-certificate';

export type TrustCandidate = {
  certificate: X509Certificate;
  der: Buffer;
  kind: TrustCandidateKind;
  subject: string;
};

/** A certificate is a few kilobytes; a file this large is the wrong file. */
export const MAX_TRUST_FILE_BYTES = 256 * 1024;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\s]*)-----END \1-----/g;
/** keyCertSign, the sixth bit of keyUsage (RFC 5280 4.2.1.3). */
const KEY_CERT_SIGN = 0x04;

const refuse = (message: string): never => {
  throw new AppFailure('TRUSTED_CERTIFICATE_INVALID', message, { certificate: message });
};

export const oneLineName = (name: string): string => name.split('\n').filter(Boolean).join(', ');

/** The certificate's DER from a PEM file (exactly one CERTIFICATE block) or a DER file. */
function certificateDerOf(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const blocks = [...text.matchAll(PEM_BLOCK)];
    const certificates = blocks.filter((block) => block[1] === 'CERTIFICATE');
    if (certificates.length === 0)
      return refuse(
        'The file holds no certificate (no "BEGIN CERTIFICATE" block). Choose the certificate file (.pem, .crt, .cer or .der), not a key or a request.',
      );
    if (certificates.length > 1)
      return refuse(
        `The file holds ${String(certificates.length)} certificates; the trust list takes one at a time. Save the one to trust in its own file.`,
      );
    return Buffer.from((certificates[0]?.[2] ?? '').replace(/\s+/g, ''), 'base64');
  }
  return bytes;
}

type CaExtensions = { basicConstraintsCa: boolean; keyUsage: number | null };

/**
 * basicConstraints cA and the first keyUsage byte, read from the DER itself: Node's
 * X509Certificate.ca is OpenSSL's X509_check_ca, which already folds keyUsage in and so cannot
 * tell "not a CA" from "a CA that may not sign certificates".
 */
function caExtensions(der: Buffer): CaExtensions {
  const found: CaExtensions = { basicConstraintsCa: false, keyUsage: null };
  for (const extension of extensionsOf(der)) {
    const id = oidOf(childrenOf(extension)[0]);
    if (id === OID.keyUsage) {
      const bits = bytesOf(extensionValue(extension) ?? undefined) ?? Buffer.alloc(0);
      found.keyUsage = bits[1] ?? 0;
    }
    if (id === OID.basicConstraints) {
      // BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
      const [first] = childrenOf(extensionValue(extension) ?? undefined);
      const flag = first?.type === forge.asn1.Type.BOOLEAN ? bytesOf(first) : null;
      found.basicConstraintsCa = flag !== null && flag.length === 1 && flag[0] === 0xff;
    }
  }
  return found;
}

function kindOf(der: Buffer): TrustCandidateKind {
  let extensions: CaExtensions;
  try {
    extensions = caExtensions(der);
  } catch {
    return refuse('The certificate’s extensions cannot be read: it is damaged or not standard.');
  }
  const { keyUsage } = extensions;
  if (extensions.basicConstraintsCa) {
    if (keyUsage !== null && (keyUsage & KEY_CERT_SIGN) === 0)
      return refuse(
        'This certification authority’s certificate does not allow it to issue certificates (its key usage lacks keyCertSign), so nothing it signed can be trusted through it.',
      );
    return 'certification-authority';
  }
  const fit = signerKeyUsage(der);
  if (!fit.fit)
    return refuse(
      `This certificate is neither a certification authority nor a certificate for signing documents: ${fit.reason}`,
    );
  return 'signing-certificate';
}

export function readTrustCandidate(bytes: Buffer, now: Date): TrustCandidate {
  const der = certificateDerOf(bytes);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch {
    return refuse(
      'The file is not a certificate KP Desk can read. Choose an X.509 certificate in PEM or DER form (.pem, .crt, .cer, .der).',
    );
  }
  // Only the certificate's own bytes are kept, whatever followed them in the file.
  const raw = Buffer.from(certificate.raw);
  const to = new Date(certificate.validTo);
  const from = new Date(certificate.validFrom);
  if (now.getTime() > to.getTime())
    refuse(
      `This certificate expired on ${to.toISOString().slice(0, 10)}: nothing can be trusted through it any more. Ask its issuer for the current one.`,
    );
  if (now.getTime() < from.getTime())
    refuse(
      `This certificate is valid only from ${from.toISOString().slice(0, 10)}. Add it on or after that date.`,
    );
  return {
    certificate,
    der: raw,
    kind: kindOf(raw),
    subject: oneLineName(certificate.subject),
  };
}
