// What the licensee sees of a signing identity before using it: who it names, who vouches for it,
// how long it is valid, its fingerprint (to read out to a partner over the phone), and whether it
// is self-signed (allowed, but shown as such, since no reader will trust it by default).
import type { X509Certificate } from 'node:crypto';
import type { SigningIdentity } from './identity';
import { leafCertificate } from './identity';

export type IdentityWarning =
  | { kind: 'expired'; since: string }
  | { kind: 'expires-soon'; daysLeft: number }
  | { kind: 'not-yet-valid'; from: string };

export type IdentityDescription = {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  /** SHA-256 of the certificate's DER, upper-case hex pairs joined by colons. */
  fingerprintSha256: string;
  selfSigned: boolean;
  keyType: 'rsa' | 'ec';
  chainLength: number;
  warning: IdentityWarning | null;
};

/** The identity's certificate validity in a warning 30 days (by default) before it ends. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

/** One line per RDN, "CN=…, O=…, C=US" (Node gives them newline-separated). */
const oneLine = (name: string): string => name.split('\n').filter(Boolean).join(', ');

/** Issuer = subject and the certificate verifies with its own key. (Not checkIssued: OpenSSL's
 *  check also wants keyCertSign, which an end-entity signing certificate rightly lacks.) */
export function isSelfSigned(certificate: X509Certificate): boolean {
  return certificate.issuer === certificate.subject && certificate.verify(certificate.publicKey);
}

export function certificateWarning(
  validFrom: Date,
  validTo: Date,
  now: Date,
  warnDays = EXPIRY_WARNING_DAYS,
): IdentityWarning | null {
  if (now.getTime() < validFrom.getTime())
    return { kind: 'not-yet-valid', from: validFrom.toISOString() };
  if (now.getTime() > validTo.getTime()) return { kind: 'expired', since: validTo.toISOString() };
  const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
  return daysLeft < warnDays ? { kind: 'expires-soon', daysLeft } : null;
}

/** Node 20 has no validFromDate; its validFrom text ("Nov 27 00:00:00 2026 GMT") parses as UTC. */
export const certificateDates = (certificate: X509Certificate): { from: Date; to: Date } => ({
  from: new Date(certificate.validFrom),
  to: new Date(certificate.validTo),
});

export function describeIdentity(
  identity: Pick<SigningIdentity, 'certificateChainDer'>,
  now = new Date(),
): IdentityDescription {
  const certificate = leafCertificate(identity);
  const { from, to } = certificateDates(certificate);
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    serialNumber: certificate.serialNumber,
    validFrom: from.toISOString(),
    validTo: to.toISOString(),
    fingerprintSha256: certificate.fingerprint256,
    selfSigned: isSelfSigned(certificate),
    keyType: certificate.publicKey.asymmetricKeyType === 'ec' ? 'ec' : 'rsa',
    chainLength: identity.certificateChainDer.length,
    warning: certificateWarning(from, to, now),
  };
}

/** True when the identity's certificate has ended or ends within `days` days of `now`. */
export function expiresWithinDays(
  identity: Pick<SigningIdentity, 'certificateChainDer'>,
  days: number,
  now = new Date(),
): boolean {
  const certificate = leafCertificate(identity);
  return certificateDates(certificate).to.getTime() - now.getTime() < days * DAY_MS;
}
