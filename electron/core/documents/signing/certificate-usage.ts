// What a certificate may be used for, read from its extensions (RFC 5280 §4.2.1.3 key usage,
// §4.2.1.9 basic constraints, §4.2.1.12 extended key usage), and whether that fits signing
// documents. Node's X509Certificate gives the extended key usage only, and node-forge cannot
// read certificates with EC keys, so the extensions are read from the DER here.
import { OID } from './oids';
import type { Asn1 } from './der';
import { bytesOf, childrenOf, fromDer, isContextTag, oidOf } from './der';

export type CertificateUsage = {
  /** null: no key usage extension (any use allowed by it). */
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean; keyCertSign: boolean } | null;
  /** null: no extended key usage extension (any purpose allowed by it). */
  extendedKeyUsage: string[] | null;
  /** basicConstraints cA: a certification authority's certificate. */
  isCa: boolean;
};

/** The purposes under which readers accept a certificate for document signatures. */
const SIGNING_PURPOSES: ReadonlySet<string> = new Set([
  OID.documentSigning,
  OID.microsoftDocumentSigning,
  OID.adobeAuthenticDocuments,
  OID.emailProtection,
  OID.anyExtendedKeyUsage,
]);

function extensionsOf(der: Uint8Array): Map<string, Asn1> {
  const [tbs] = childrenOf(fromDer(der));
  const wrapper = childrenOf(tbs).find((part) => isContextTag(part, 3));
  const found = new Map<string, Asn1>();
  for (const extension of childrenOf(childrenOf(wrapper)[0])) {
    const parts = childrenOf(extension);
    const type = oidOf(parts[0]);
    const value = bytesOf(parts[parts.length - 1]);
    if (type !== null && value !== null) found.set(type, fromDer(value));
  }
  return found;
}

/** Reads the usage extensions; throws on a certificate that is not DER X.509. */
export function certificateUsage(der: Uint8Array): CertificateUsage {
  const extensions = extensionsOf(der);
  const keyUsageBits = bytesOf(extensions.get(OID.keyUsage));
  // A BIT STRING: its first byte counts the unused bits; bit 0 is the first byte's top bit.
  const bits = keyUsageBits?.subarray(1) ?? Buffer.alloc(0);
  const bit = (n: number): boolean => (((bits[n >> 3] ?? 0) >> (7 - (n & 7))) & 1) === 1;
  const eku = extensions.get(OID.extendedKeyUsage);
  const basic = childrenOf(extensions.get(OID.basicConstraints));
  return {
    keyUsage:
      keyUsageBits === null
        ? null
        : { digitalSignature: bit(0), nonRepudiation: bit(1), keyCertSign: bit(5) },
    extendedKeyUsage:
      eku === undefined
        ? null
        : childrenOf(eku)
            .map(oidOf)
            .filter((o): o is string => o !== null),
    isCa: bytesOf(basic[0])?.[0] === 0xff,
  };
}

/**
 * Why this certificate cannot sign documents, in a licensee's words, or null when it can: not a CA
 * certificate; key usage (if present) with digitalSignature or nonRepudiation (contentCommitment),
 * the bits that allow signatures (RFC 5280 §4.2.1.3); extended key usage (if
 * present) naming a purpose PDF readers accept for signatures.
 */
export function signingUnfitness(usage: CertificateUsage): string | null {
  if (usage.isCa)
    return 'It is a certification authority’s certificate, not a signer’s: import the certificate the CA issued to you.';
  const { keyUsage, extendedKeyUsage } = usage;
  if (keyUsage !== null && !keyUsage.digitalSignature && !keyUsage.nonRepudiation)
    return 'Its key usage does not allow signing (it needs digital signature or non-repudiation). Ask the CA for a document-signing certificate.';
  if (extendedKeyUsage !== null && !extendedKeyUsage.some((p) => SIGNING_PURPOSES.has(p)))
    return 'Its extended key usage does not include document signing (for example it is a web server certificate). Ask the CA for a document-signing certificate.';
  return null;
}
