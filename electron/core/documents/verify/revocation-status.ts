// Revocation of the signer's certificate (ETSI EN 319 102-1 5.2.5), offline. A signer that is
// itself a configured trust anchor (a vault identity) has no issuer that could revoke it. A
// certificate that names no revocation service (no CRL distribution point, no OCSP responder)
// cannot be checked by anyone, and KP Desk's validation policy accepts it (docs/signing.md). A
// certificate that names one needs its issuer's CRL in the file (the DSS of a B-LT signature):
// without it (this verifier never fetches) the status is not established (INDETERMINATE /
// TRY_LATER). Revoked at or before the best signature time is REVOKED; revoked after a time-stamp
// proved the signature existed does not undo that signature.
import type { X509Certificate } from 'node:crypto';
import type { VerificationResult } from './verification-result';
import { extensionIds } from './certificate-extensions';
import { crlStatus } from './crl-revocation';

const CRL_DISTRIBUTION_POINTS = '2.5.29.31';
const AUTHORITY_INFO_ACCESS = '1.3.6.1.5.5.7.1.1';

export type RevocationInput = {
  signer: X509Certificate;
  signerDer: Buffer;
  signerIsAnchor: boolean;
  /** The certificate that issued the signer's, when the chain has it. */
  issuer: X509Certificate | undefined;
  /** CRLs the file carries (the DSS). */
  crlsDer: readonly Buffer[];
  bestTime: Date;
};

export function revocationStatus(input: RevocationInput): VerificationResult['revocation'] {
  if (input.signerIsAnchor)
    return {
      status: 'not applicable',
      message:
        'The signer’s certificate is itself a trusted certificate; no issuer could revoke it.',
    };
  let ids: string[];
  try {
    ids = extensionIds(input.signerDer);
  } catch {
    return { status: 'not established', message: 'The signer’s certificate cannot be read.' };
  }
  if (!ids.includes(CRL_DISTRIBUTION_POINTS) && !ids.includes(AUTHORITY_INFO_ACCESS))
    return {
      status: 'not applicable',
      message:
        'The signer’s certificate names no revocation service (no CRL or OCSP address), so no revocation can be checked.',
    };
  const answer = crlStatus(input.signer, input.issuer, input.crlsDer);
  if (answer.kind === 'no crl')
    return {
      status: 'not established',
      message:
        'The signer’s certificate names a revocation service, and the file carries no revocation list from its issuer; this verifier does not go online.',
    };
  if (answer.kind === 'not revoked')
    return {
      status: 'not revoked',
      message: `The issuer’s revocation list in the file${answer.thisUpdate === null ? '' : ` (${answer.thisUpdate.toISOString()})`} does not list the signer’s certificate.`,
    };
  if (answer.on !== null && answer.on.getTime() > input.bestTime.getTime())
    return {
      status: 'not revoked',
      message: `The signer’s certificate was revoked on ${answer.on.toISOString()}, after the time-stamp proved the signature existed (${input.bestTime.toISOString()}).`,
    };
  return {
    status: 'revoked',
    message: `The signer’s certificate was revoked${answer.on === null ? '' : ` on ${answer.on.toISOString()}`}.`,
  };
}
