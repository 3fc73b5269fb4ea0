// Whether a certificate is on a CRL its issuer signed (RFC 5280 §5.1), from the CRLs a PAdES B-LT
// file carries in its DSS: the verifier never goes online. Only CRLs signed by the certificate's
// own issuer count (timestamp/collect-crls.ts crlSignedBy); a CRL that cannot be read counts as
// absent. Serial numbers compare as unsigned hexadecimal without leading zeros.
import type { X509Certificate } from 'node:crypto';
import { crlSignedBy } from '../timestamp/collect-crls';
import type { Asn1 } from '../signing/der';
import { bytesOf, childrenOf, fromDer, isContextTag } from '../signing/der';
import { parseGeneralizedTime } from '../timestamp/read-timestamp-token';
import forge from 'node-forge';

export type CrlAnswer =
  | { kind: 'no crl' }
  | { kind: 'not revoked'; thisUpdate: Date | null }
  | { kind: 'revoked'; on: Date | null };

const hexSerial = (bytes: Buffer): string => bytes.toString('hex').toUpperCase().replace(/^0+/, '');

function timeOf(node: Asn1 | undefined): Date | null {
  if (node === undefined || typeof node.value !== 'string') return null;
  if (node.type === forge.asn1.Type.UTCTIME) return forge.asn1.utcTimeToDate(node.value);
  return parseGeneralizedTime(node.value);
}

/** The serial numbers a CRL lists, with their revocation dates; null if it cannot be read. */
function revokedEntries(
  der: Buffer,
): { thisUpdate: Date | null; revoked: Map<string, Date | null> } | null {
  try {
    const [tbs] = childrenOf(fromDer(der));
    const parts = childrenOf(tbs);
    // TBSCertList: version? signature issuer thisUpdate nextUpdate? revokedCertificates? [0]?
    const offset = parts[0]?.type === forge.asn1.Type.INTEGER ? 1 : 0;
    const thisUpdate = timeOf(parts[offset + 2]);
    const revoked = new Map<string, Date | null>();
    const list = parts
      .slice(offset + 3)
      .find((part) => part.type === forge.asn1.Type.SEQUENCE && !isContextTag(part, 0));
    for (const entry of childrenOf(list)) {
      const [serial, date] = childrenOf(entry);
      const bytes = bytesOf(serial);
      if (bytes !== null) revoked.set(hexSerial(bytes), timeOf(date));
    }
    return { thisUpdate, revoked };
  } catch {
    return null;
  }
}

export function crlStatus(
  certificate: X509Certificate,
  issuer: X509Certificate | undefined,
  crlsDer: readonly Buffer[],
): CrlAnswer {
  if (issuer === undefined) return { kind: 'no crl' };
  const serial = certificate.serialNumber.toUpperCase().replace(/^0+/, '');
  for (const der of crlsDer) {
    if (!crlSignedBy(der, issuer)) continue;
    const entries = revokedEntries(der);
    if (entries === null) continue;
    if (entries.revoked.has(serial))
      return { kind: 'revoked', on: entries.revoked.get(serial) ?? null };
    return { kind: 'not revoked', thisUpdate: entries.thisUpdate };
  }
  return { kind: 'no crl' };
}
