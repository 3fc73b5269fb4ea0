// Whether the signer's certificate reaches a configured trust anchor, using only certificates in
// the signature and the anchors (offline: no AIA fetching, no revocation; revocation is reported
// as "not established" by the verifier). A self-signed certificate that is not an anchor is
// "untrusted": the signature can be intact and still come from anyone.
import type { X509Certificate } from 'node:crypto';
import { isSelfSigned } from '../signing/describe-identity';

export type TrustResult = {
  status: 'trusted' | 'untrusted';
  reason: string;
  anchor: string | null;
};

const MAX_CHAIN = 6;

/** `issuer` signed `subject` (name match and signature; key usage is not ours to judge here). */
function issued(issuer: X509Certificate, subject: X509Certificate): boolean {
  try {
    return subject.issuer === issuer.subject && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function checkTrust(
  signer: X509Certificate,
  intermediates: X509Certificate[],
  anchors: X509Certificate[],
  at: Date,
): TrustResult {
  const isAnchor = (cert: X509Certificate): X509Certificate | undefined =>
    anchors.find((anchor) => anchor.fingerprint256 === cert.fingerprint256);
  let current = signer;
  for (let depth = 0; depth < MAX_CHAIN; depth += 1) {
    const anchor = isAnchor(current) ?? anchors.find((candidate) => issued(candidate, current));
    if (anchor !== undefined) {
      const from = new Date(current.validFrom).getTime();
      const to = new Date(current.validTo).getTime();
      if (at.getTime() < from || at.getTime() > to)
        return {
          status: 'untrusted',
          reason: 'A certificate in the chain was not valid at signing time.',
          anchor: null,
        };
      return {
        status: 'trusted',
        reason: 'The signer’s certificate chains to a trusted anchor.',
        anchor: anchor.subject.split('\n').join(', '),
      };
    }
    const next = intermediates.find(
      (candidate) => candidate !== current && issued(candidate, current),
    );
    if (next === undefined) break;
    current = next;
  }
  return {
    status: 'untrusted',
    reason: isSelfSigned(signer)
      ? 'The signer’s certificate is self-signed and not in the trusted list.'
      : 'The signer’s certificate does not chain to a trusted anchor.',
    anchor: null,
  };
}
