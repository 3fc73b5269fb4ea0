// The parts of an X.509 certificate that CMS refers to (issuer Name and serial number), taken from
// the DER as ASN.1 so they are copied byte for byte (RFC 5652 §10.2.4 IssuerAndSerialNumber).
import { createHash } from 'node:crypto';
import type { Asn1 } from './der';
import { childrenOf, fromDer, isContextTag } from './der';

export type CertificateFields = { der: Buffer; issuer: Asn1; serialNumber: Asn1; sha256: Buffer };

export function certificateFields(der: Buffer): CertificateFields {
  const [tbs] = childrenOf(fromDer(der));
  const parts = childrenOf(tbs);
  // A v3 certificate starts with [0] EXPLICIT version; a v1 one does not.
  const offset = isContextTag(parts[0], 0) ? 1 : 0;
  const serialNumber = parts[offset];
  const issuer = parts[offset + 2];
  if (serialNumber === undefined || issuer === undefined)
    throw new Error('Not an X.509 certificate.');
  return { der, issuer, serialNumber, sha256: createHash('sha256').update(der).digest() };
}
