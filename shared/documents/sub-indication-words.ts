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
      'The file is not a KP certificate as KP Desk signs it (one PAdES signature over the whole file, ETSI EN 319 142-1, with its seal): it is unsigned, damaged, changed after signing, or its signature is not of the profile.',
  },
  HASH_FAILURE: {
    name: 'Hash failure',
    explanation:
      'What was signed or sealed does not match what the file shows: the file was changed after it was signed, or the page is not what the seal names, or the seal differs from the vault’s record.',
  },
  SIG_CRYPTO_FAILURE: {
    name: 'Signature cryptographic failure',
    explanation:
      'The signature value, or the seal’s signature, does not verify with the key it must have been made with.',
  },
  REVOKED: {
    name: 'Revoked',
    explanation: 'The signer’s certificate was revoked by its certification authority.',
  },
  EXPIRED: {
    name: 'Expired',
    explanation: 'The signature was made after the signer’s certificate had expired.',
  },
  SIG_CONSTRAINTS_FAILURE: {
    name: 'Signature constraints failure',
    explanation:
      'The signer’s certificate is not meant for signing documents (its key usage or extended key usage allows other purposes only).',
  },
  CHAIN_CONSTRAINTS_FAILURE: {
    name: 'Chain constraints failure',
    explanation:
      'A certificate in the signer’s chain issued another without being a certification authority.',
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
