// Revocation of the signer's certificate (ETSI EN 319 102-1 5.2.5), offline. A signer that is
// itself a configured trust anchor (a vault identity) has no issuer that could revoke it. A
// certificate that names no revocation service (no CRL distribution point, no OCSP responder)
// cannot be checked by anyone, and KP Desk's validation policy accepts it (docs/signing.md). A
// certificate that names one needs its CRL or OCSP response: without it (this verifier never
// fetches) the status is not established, and the outcome is INDETERMINATE / TRY_LATER.
import type { VerificationResult } from './verification-result';
import { extensionIds } from './certificate-extensions';

const CRL_DISTRIBUTION_POINTS = '2.5.29.31';
const AUTHORITY_INFO_ACCESS = '1.3.6.1.5.5.7.1.1';

export function revocationStatus(
  signerDer: Buffer,
  signerIsAnchor: boolean,
): VerificationResult['revocation'] {
  if (signerIsAnchor)
    return {
      status: 'not applicable',
      message:
        'The signer’s certificate is itself a trusted certificate; no issuer could revoke it.',
    };
  let ids: string[];
  try {
    ids = extensionIds(signerDer);
  } catch {
    return { status: 'not established', message: 'The signer’s certificate cannot be read.' };
  }
  if (!ids.includes(CRL_DISTRIBUTION_POINTS) && !ids.includes(AUTHORITY_INFO_ACCESS))
    return {
      status: 'not applicable',
      message:
        'The signer’s certificate names no revocation service (no CRL or OCSP address), so no revocation can be checked.',
    };
  return {
    status: 'not established',
    message:
      'The signer’s certificate names a revocation service, and the file carries no revocation data for it; this verifier does not go online.',
  };
}
