// What the verifier is asked (verify-pdf.ts): its limits, its trust anchors and seal key, and
// what the issuer's vault knows.
import type { KeyObject } from 'node:crypto';
import type { Certificate } from '../../../../shared/domain/certificate';
import type { SealPayload } from '../seal/seal-payload';
import type { PageBindingChecker } from './check-page-binding';
import type { HashedPrefix } from './hash-from-prefix';
import type { VerificationResult } from './verification-result';
import type { OutcomeFindings } from './verification-outcome';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** What the issuer's vault knows about the certificate the seal names. */
export type VaultKnowledge = {
  /** The record of the document's kind (the issued certificate, or its VOID copy). */
  record: Certificate | null;
  /** Voided in the vault, with when and why in plain words; null when it is not voided. */
  voided: { message: string } | null;
};

export type VerifyPdfOptions = {
  /** Files above this size are rejected unread (default 20 MiB). */
  maxBytes?: number;
  /** Time budget in ms; checks not reached in time are "not established" (default 5 s). */
  timeLimitMs?: number;
  /** Trusted certificates (DER): the signer or one of its issuers must be one of them. */
  trustAnchorsDer?: readonly Uint8Array[];
  /** The issuer's seal public key (SPKI DER or PEM, or a KeyObject). */
  sealPublicKey?: KeyObject | Uint8Array | string;
  /** The issuer's retired seal keys (keys replaced because nobody could open them any more,
   * signing-keys/replace-signing-keys.ts): a seal printed before the replacement verifies
   * against the key that sealed it. Tried only when `sealPublicKey` does not verify the seal. */
  earlierSealPublicKeys?: readonly (KeyObject | Uint8Array)[];
  /** What the issuer's vault knows; without it the void status is not established. */
  vault?: VaultKnowledge;
  /** The same knowledge looked up from the verified seal (the certificate it names), when the
   * caller does not know beforehand which certificate a file is: the file is then read once,
   * where a first pass to find the number and a second with the knowledge doubled the cost of
   * every verification (the full review, issue 14). Used only when `vault` is not given. */
  vaultFor?: (payload: SealPayload) => VaultKnowledge;
  /** The validation time (default now): certificates are judged at it unless a verified
   * time-stamp proves the signature existed earlier. */
  now?: Date;
  /** Writes the page again from the document's recipe and compares (check-page-binding.ts);
   * without it the page is "not established" and the outcome INDETERMINATE. */
  pageBinding?: PageBindingChecker;
  /** The bytes every KP Desk certificate starts with and their SHA-256 state: a file that starts
   * with them is hashed from their end (hash-from-prefix.ts; the same digest, less work). */
  knownPrefix?: HashedPrefix;
};

/** What each check of verify-pdf.ts reads and writes. */
export type Parts = {
  result: VerificationResult;
  findings: OutcomeFindings;
  options: VerifyPdfOptions;
};
