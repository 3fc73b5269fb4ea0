// Whether the signer's certificate reaches a configured trust anchor, using only certificates in
// the signature (and validation data in the file) and the anchors: offline, no AIA fetching.
// Every certificate on the path must be within its validity at `at` (the best signature time:
// a verified time-stamp's, else now; ETSI EN 319 102-1 5.2.6), and every issuer on it must be a
// CA (RFC 5280 4.2.1.9). A self-signed certificate that is not an anchor is "untrusted": the
// signature can be intact and still come from anyone, e.g. a certificate cloned with the same
// name and serial number but another key (the fingerprint, not the name, identifies an anchor).
import type { X509Certificate } from 'node:crypto';
import { isSelfSigned } from '../signing/describe-identity';
import { signedBy } from './parsed-certificates';

export type TrustResult = {
  status: 'trusted' | 'untrusted';
  /** Why not trusted: no path to an anchor, a certificate outside its validity at `at`, or an
   * issuer that is not a CA. */
  problem: 'no-chain' | 'out-of-bounds' | 'not-yet-valid' | 'chain-constraints' | null;
  reason: string;
  anchor: string | null;
};

const MAX_CHAIN = 6;
const oneLine = (name: string): string => name.split('\n').filter(Boolean).join(', ');

/** `issuer` signed `subject` (name match and signature; verified once per pair). */
const issued = signedBy;

function validityProblem(path: X509Certificate[], at: Date): TrustResult | null {
  for (const certificate of path) {
    const from = new Date(certificate.validFrom).getTime();
    const to = new Date(certificate.validTo).getTime();
    const who = oneLine(certificate.subject);
    if (at.getTime() < from)
      return {
        status: 'untrusted',
        problem: 'not-yet-valid',
        reason: `The certificate of ${who} was not yet valid at ${at.toISOString()}.`,
        anchor: null,
      };
    if (at.getTime() > to)
      return {
        status: 'untrusted',
        problem: 'out-of-bounds',
        reason: `The certificate of ${who} expired on ${new Date(to).toISOString().slice(0, 10)} and nothing proves the signature was made before that (no verified time-stamp).`,
        anchor: null,
      };
  }
  return null;
}

export function checkTrust(
  signer: X509Certificate,
  intermediates: X509Certificate[],
  anchors: X509Certificate[],
  at: Date,
): TrustResult {
  const isAnchor = (cert: X509Certificate): X509Certificate | undefined =>
    anchors.find((anchor) => anchor.fingerprint256 === cert.fingerprint256);
  const path: X509Certificate[] = [];
  let current = signer;
  for (let depth = 0; depth < MAX_CHAIN; depth += 1) {
    path.push(current);
    const direct = isAnchor(current);
    const anchor = direct ?? anchors.find((candidate) => issued(candidate, current));
    if (anchor !== undefined) {
      const issuers = direct === undefined ? [...path.slice(1), anchor] : path.slice(1);
      if (issuers.some((issuer) => !issuer.ca))
        return {
          status: 'untrusted',
          problem: 'chain-constraints',
          reason: 'A certificate on the path issued another without being a CA certificate.',
          anchor: null,
        };
      // The path up to the anchor (the signer's own certificate included, even when it is the
      // anchor itself) must be valid at the best signature time; a CA anchor above it is
      // trusted as configured.
      const timeProblem = validityProblem(path, at);
      if (timeProblem !== null) return timeProblem;
      return {
        status: 'trusted',
        problem: null,
        reason: 'The signer’s certificate chains to a trusted anchor.',
        anchor: oneLine(anchor.subject),
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
    problem: 'no-chain',
    reason: isSelfSigned(signer)
      ? 'The signer’s certificate is self-signed and is not one of the trusted certificates.'
      : 'The signer’s certificate does not chain to a trusted certificate.',
    anchor: null,
  };
}

/**
 * The certificates the signature carries that claim an issuer present among them or the anchors
 * (by name, or themselves when self-issued) whose key does not verify them. A damaged or swapped
 * certificate adds bytes no signature covers: a second file that would otherwise verify the same.
 * A certificate whose issuer is simply not there is not refused here: its chain is incomplete,
 * which checkTrust reports (NO_CERTIFICATE_CHAIN_FOUND).
 */
export function unverifiableCertificates(
  carried: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
): X509Certificate[] {
  const issuers = [...carried, ...anchors];
  return carried.filter((certificate) => {
    const named = issuers.filter((candidate) => candidate.subject === certificate.issuer);
    return named.length > 0 && !named.some((candidate) => issued(candidate, certificate));
  });
}
