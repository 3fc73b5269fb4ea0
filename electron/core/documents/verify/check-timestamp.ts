// The signature-time-stamp of a PAdES B-T signature (ETSI EN 319 142-1 §5.3, EN 319 122-1 §5.3):
// the RFC 3161 token in the SignerInfo's unsigned attribute 1.2.840.113549.1.9.16.2.14, whose
// imprint must be the hash of that SignerInfo's signature value. When it verifies, genTime is a
// proof of existence of the signature at that time (EN 319 102-1 §5.6.2.2), which is what lets a
// signature be validated after its signing certificate expired. Never throws on hostile input.
import type { X509Certificate } from 'node:crypto';
import type { Asn1 } from '../signing/der';
import { childrenOf, fromDer, isContextTag, oidOf, toDer } from '../signing/der';
import { OID } from '../signing/oids';
import { verifyTimestampToken } from '../timestamp/verify-timestamp-token';
import { checkTrust } from './check-trust';
import { parsedCertificate } from './parsed-certificates';

export type TimestampCheck = {
  status: 'verified' | 'failed' | 'absent';
  /** genTime, only when verified. */
  time: Date | null;
  /** TSA subject, one line. */
  authority: string | null;
  /** The TSA certificate chains to one of the anchors (same rule as verify/check-trust.ts). */
  trusted: boolean;
  /** Plain words. */
  message: string;
};

/** The signature-time-stamp tokens of the CMS's one SignerInfo (DER), or a reason. */
function timestampTokens(cmsDer: Buffer): Buffer[] | string {
  let root: Asn1;
  try {
    root = fromDer(cmsDer);
  } catch {
    return 'The signature is not valid DER.';
  }
  const [, wrapped] = childrenOf(root);
  const infos = childrenOf(childrenOf(childrenOf(wrapped)[0]).at(-1));
  if (infos.length !== 1) return 'The signature must have exactly one signer.';
  const unsigned = childrenOf(infos[0]).find((node) => isContextTag(node, 1));
  const tokens: Buffer[] = [];
  for (const attribute of childrenOf(unsigned)) {
    const [type, values] = childrenOf(attribute);
    if (oidOf(type) === OID.signatureTimeStampToken)
      for (const value of childrenOf(values)) tokens.push(toDer(value));
  }
  return tokens;
}

const oneLine = (certificate: X509Certificate): string =>
  certificate.subject.split('\n').join(', ');

const readable = (ders: readonly Uint8Array[]): X509Certificate[] =>
  ders.flatMap((der) => {
    try {
      return [parsedCertificate(der)];
    } catch {
      return [];
    }
  });

export function checkSignatureTimestamp(
  cmsDer: Buffer,
  signatureValue: Buffer,
  anchorsDer: readonly Uint8Array[],
  extraCertsDer: readonly Buffer[],
): TimestampCheck {
  const failed = (message: string, authority: string | null = null): TimestampCheck => ({
    status: 'failed',
    time: null,
    authority,
    trusted: false,
    message,
  });
  try {
    const tokens = timestampTokens(cmsDer);
    if (typeof tokens === 'string') return failed(tokens);
    const [token] = tokens;
    if (token === undefined)
      return {
        status: 'absent',
        time: null,
        authority: null,
        trusted: false,
        message:
          'The signature has no time-stamp (PAdES B-B): its time is only what the signer’s computer said.',
      };
    if (tokens.length > 1)
      return failed('The signature carries more than one signature time-stamp.');
    const result = verifyTimestampToken(token, { imprintInput: signatureValue }, extraCertsDer);
    if (!result.ok)
      return failed(
        `The signature’s time-stamp is not valid: ${result.reason}`,
        result.tsaCertificate === null ? null : oneLine(result.tsaCertificate),
      );
    const authority = oneLine(result.tsaCertificate);
    const intermediates = result.certificates.filter(
      (certificate) => certificate.fingerprint256 !== result.tsaCertificate.fingerprint256,
    );
    const trust = checkTrust(
      result.tsaCertificate,
      intermediates,
      readable(anchorsDer),
      result.genTime,
    );
    const trusted = trust.status === 'trusted';
    return {
      status: 'verified',
      time: result.genTime,
      authority,
      trusted,
      message: trusted
        ? `Time-stamped ${result.genTime.toISOString()} by ${authority}, a trusted time-stamp authority.`
        : `Time-stamped ${result.genTime.toISOString()} by ${authority}, which is not a trusted time-stamp authority.`,
    };
  } catch {
    return failed('The signature’s time-stamp could not be read.');
  }
}
