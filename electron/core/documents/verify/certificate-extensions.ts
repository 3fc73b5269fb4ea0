// The extensions of an X.509 certificate (RFC 5280 4.1.2.9), read from its DER with the repo's
// strict DER reader. Throws on a certificate that cannot be read: callers decide what that means.
import type { Asn1 } from '../signing/der';
import { bytesOf, childrenOf, fromDer, isContextTag, oidOf } from '../signing/der';

export function extensionsOf(certificateDer: Buffer): Asn1[] {
  const [tbs] = childrenOf(fromDer(certificateDer));
  const explicit = childrenOf(tbs).find((part) => isContextTag(part, 3));
  return childrenOf(childrenOf(explicit)[0]);
}

/** The extnValue's inner DER, parsed. */
export function extensionValue(extension: Asn1): Asn1 | null {
  const parts = childrenOf(extension);
  const octets = bytesOf(parts.at(-1));
  return octets === null ? null : fromDer(octets);
}

export function extensionIds(certificateDer: Buffer): string[] {
  return extensionsOf(certificateDer).flatMap((extension) => {
    const id = oidOf(childrenOf(extension)[0]);
    return id === null ? [] : [id];
  });
}
