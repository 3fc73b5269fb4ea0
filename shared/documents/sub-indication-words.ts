// ETSI EN 319 102-1 sub-indications (clause 5.1.3, tables 5 and 6) in plain words, for the
// verification screen and `kpdesk verify`. The code itself is always shown beside its name, so a
// border official can look it up in the standard; the explanation says what it means for this
// file. None of them says "valid" or "genuine": a sub-indication only comes with TOTAL-FAILED or
// INDETERMINATE.
import type { SubIndication } from '../ipc/documents-contract';

export type SubIndicationWords = { code: SubIndication; name: string; explanation: string };

const words: Record<SubIndication, Omit<SubIndicationWords, 'code'>> = {
  FORMAT_FAILURE: {
    name: 'Format failure',
    explanation:
      'The file is not a signed PDF in the form the standard requires (PAdES, ETSI EN 319 142-1), so its signature cannot be checked.',
  },
  HASH_FAILURE: {
    name: 'Hash failure',
    explanation:
      'The signed bytes do not match the digest in the signature: the file was changed after it was signed.',
  },
  SIG_CRYPTO_FAILURE: {
    name: 'Signature cryptographic failure',
    explanation:
      'The signature value does not verify with the public key of the signer’s certificate.',
  },
  REVOKED: {
    name: 'Revoked',
    explanation: 'The signer’s certificate was revoked by its certification authority.',
  },
  SIG_CONSTRAINTS_FAILURE: {
    name: 'Signature constraints failure',
    explanation:
      'The signature breaks a rule of the validation policy: for example the page does not show what was sealed, the seal does not verify, the signature carries attributes the profile forbids, or the certificate was voided.',
  },
  CHAIN_CONSTRAINTS_FAILURE: {
    name: 'Chain constraints failure',
    explanation:
      'The signer’s certificate or its chain breaks a rule of the validation policy, for example a key usage not fit for signing documents.',
  },
  NO_SIGNING_CERTIFICATE_FOUND: {
    name: 'No signing certificate found',
    explanation:
      'The signature does not carry the signer’s certificate, so the signer cannot be identified.',
  },
  NO_CERTIFICATE_CHAIN_FOUND: {
    name: 'No certificate chain found',
    explanation:
      'The signer’s certificate does not lead to any certificate the verifier trusts (the vault’s signing identity, a certificate given as trusted, or a configured trust list), so who signed cannot be established.',
  },
  OUT_OF_BOUNDS_NO_POE: {
    name: 'Out of bounds, no proof of existence',
    explanation:
      'The signer’s certificate has expired (or is not yet in force) at the time of this check, and no time-stamp proves the signature was made while it was in force.',
  },
  OUT_OF_BOUNDS_NOT_REVOKED: {
    name: 'Out of bounds, not revoked',
    explanation:
      'The signer’s certificate has expired at the time of this check; it was not revoked, but nothing proves the signature was made while it was in force.',
  },
  NOT_YET_VALID: {
    name: 'Signed before the certificate period',
    explanation: 'The signing time lies before the start of the signer’s certificate period.',
  },
  TRY_LATER: {
    name: 'Try later',
    explanation:
      'The revocation information needed is not available now; the check may succeed later.',
  },
  SIGNED_DATA_NOT_FOUND: {
    name: 'Signed data not found',
    explanation: 'The data the signature covers could not be found in the file.',
  },
  GENERIC: {
    name: 'Other reason',
    explanation: 'Something else prevented a conclusion; the checks below say what.',
  },
};

export function subIndicationWords(code: SubIndication): SubIndicationWords {
  return { code, ...words[code] };
}
