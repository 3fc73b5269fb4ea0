// Whether the signer's certificate may sign documents (ETSI EN 319 102-1 5.2.8, X.509 validation
// constraints; EN 319 412-2 4.3.2): its keyUsage, when present, has digitalSignature or
// nonRepudiation (RFC 5280 4.2.1.3), and its extendedKeyUsage, when present, allows document
// signing. A certificate made for TLS servers or time-stamping only is not fit to sign a KP
// certificate, whoever issued it.
import { bytesOf, childrenOf, oidOf } from '../signing/der';
import { OID } from '../signing/oids';
import { extensionValue, extensionsOf } from './certificate-extensions';

/** Extended key usages that allow signing a document (RFC 9336, RFC 5280, Microsoft, Adobe). */
const SIGNING_PURPOSES: ReadonlySet<string> = new Set([
  '1.3.6.1.5.5.7.3.36', // id-kp-documentSigning (RFC 9336)
  '1.3.6.1.5.5.7.3.4', // id-kp-emailProtection (S/MIME signing certificates)
  '1.3.6.1.4.1.311.10.3.12', // Microsoft document signing
  '1.2.840.113583.1.1.5', // Adobe Authentic Documents Trust (PDF signing)
  '2.5.29.37.0', // anyExtendedKeyUsage
]);

const EXTENDED_KEY_USAGE = '2.5.29.37';
/** keyUsage bits, numbered from the most significant bit of the first byte (RFC 5280). */
const DIGITAL_SIGNATURE = 0x80;
const NON_REPUDIATION = 0x40;

export type KeyUsageFit = { fit: boolean; reason: string };

export function signerKeyUsage(certificateDer: Buffer): KeyUsageFit {
  try {
    for (const extension of extensionsOf(certificateDer)) {
      const id = oidOf(childrenOf(extension)[0]);
      if (id === OID.keyUsage) {
        const bits = bytesOf(extensionValue(extension) ?? undefined) ?? Buffer.alloc(0);
        // bits[0] counts the unused bits; bits[1] holds digitalSignature .. keyCertSign.
        const first = bits[1] ?? 0;
        if ((first & (DIGITAL_SIGNATURE | NON_REPUDIATION)) === 0)
          return {
            fit: false,
            reason:
              'The signer’s certificate does not allow digital signatures (key usage has neither digitalSignature nor nonRepudiation).',
          };
      }
      if (id === EXTENDED_KEY_USAGE) {
        const purposes = childrenOf(extensionValue(extension) ?? undefined).map(oidOf);
        if (!purposes.some((purpose) => purpose !== null && SIGNING_PURPOSES.has(purpose)))
          return {
            fit: false,
            reason:
              'The signer’s certificate is restricted to other purposes (its extended key usage does not include document signing).',
          };
      }
    }
  } catch {
    return { fit: false, reason: 'The signer’s certificate extensions cannot be read.' };
  }
  return { fit: true, reason: 'The signer’s certificate allows signing documents.' };
}
