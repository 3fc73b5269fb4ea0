// Reads a certificate's extensions with their criticality, which Node's X509Certificate does not
// expose: RFC 3161 §2.3 requires the TSA certificate's extended key usage to be critical and to
// hold id-kp-timeStamping only. Also the HTTP addresses of CRL distribution points (RFC 5280
// §4.2.1.13) for the validation data of PAdES B-LT.
import type { Asn1 } from '../signing/der';
import { bytesOf, childrenOf, fromDer, isContextTag, oidOf } from '../signing/der';
import { OID } from '../signing/oids';

type Extension = { critical: boolean; value: Buffer };

function extensions(certificateDer: Buffer): Map<string, Extension> {
  const map = new Map<string, Extension>();
  const [tbs] = childrenOf(fromDer(certificateDer));
  const holder = childrenOf(tbs).find((node) => isContextTag(node, 3));
  for (const extension of childrenOf(childrenOf(holder)[0])) {
    const parts = childrenOf(extension);
    const id = oidOf(parts[0]);
    const critical = parts.length === 3 && bytesOf(parts[1])?.[0] === 0xff;
    const value = bytesOf(parts.at(-1));
    if (id !== null && value !== null) map.set(id, { critical, value });
  }
  return map;
}

/** Null when the certificate may sign time-stamps (RFC 3161 §2.3), else why not. */
export function timeStampingUsageProblem(certificateDer: Buffer): string | null {
  try {
    const usage = extensions(certificateDer).get(OID.extKeyUsage);
    if (usage === undefined)
      return 'The time-stamp authority’s certificate has no extended key usage (RFC 3161 §2.3).';
    const purposes = childrenOf(fromDer(usage.value)).map(oidOf);
    if (purposes.length !== 1 || purposes[0] !== OID.timeStamping)
      return 'The time-stamp authority’s certificate is not for time-stamping only (RFC 3161 §2.3).';
    if (!usage.critical)
      return 'The time-stamp authority’s certificate does not mark time-stamping as critical (RFC 3161 §2.3).';
    return null;
  } catch {
    return 'The time-stamp authority’s certificate is not readable.';
  }
}

/** The http:// addresses in the certificate's CRL distribution points (fullName URIs). */
export function crlDistributionUrls(certificateDer: Buffer): string[] {
  try {
    const points = extensions(certificateDer).get(OID.crlDistributionPoints);
    if (points === undefined) return [];
    const urls: string[] = [];
    const visit = (node: Asn1 | undefined, depth: number): void => {
      if (node === undefined || depth > 6) return;
      // uniformResourceIdentifier [6] IA5String inside GeneralNames.
      if (isContextTag(node, 6) && typeof node.value === 'string') urls.push(node.value);
      for (const child of childrenOf(node)) visit(child, depth + 1);
    };
    visit(fromDer(points.value), 0);
    return urls.filter((url) => /^http:\/\/[\x21-\x7e]{1,2000}$/.test(url)).slice(0, 4);
  } catch {
    return [];
  }
}
