// The verifier's answer (documents:verify, `kpdesk verify`) in a licensee's words, shared by the
// app's "Verify a certificate file" screen and the CLI formatter so that both say the same thing.
// Outcomes are ETSI EN 319 102-1 (5.1.3) indications; the words "valid" and "genuine" appear only
// for TOTAL-PASSED (issue 11: a border official relies on them). A certificate voided in the vault
// is reported VOIDED whatever its signature says; its VOID copy is recognised as the VOID copy,
// never as a certificate in force. Pure data in, strings out: no Node, no DOM.
import type { DocumentVerification, Indication } from '../ipc/documents-contract';
import { verificationChecks } from './verification-checks';
import type { VerificationCheck } from './verification-checks';
import { subIndicationWords } from './sub-indication-words';
import type { SubIndicationWords } from './sub-indication-words';

export { formatUtcTime, levelMessage, verificationChecks } from './verification-checks';
export type { CheckId, CheckTone, VerificationCheck } from './verification-checks';
export { subIndicationWords } from './sub-indication-words';
export type { SubIndicationWords } from './sub-indication-words';

/** The word a person reads first. VALID and VOID COPY come only from TOTAL-PASSED. */
export type Verdict = 'VALID' | 'VOID COPY' | 'VOIDED' | 'FAILED' | 'INDETERMINATE' | 'REJECTED';

export type VerificationHeadline = {
  verdict: Verdict;
  /** passed: TOTAL-PASSED; failed: TOTAL-FAILED, voided or rejected; indeterminate otherwise. */
  tone: 'passed' | 'failed' | 'indeterminate';
  /** One sentence: what was proven, what failed, or what could not be established. */
  sentence: string;
  /** The ETSI EN 319 102-1 main indication, as the verifier gave it. */
  indication: Indication;
  subIndication: SubIndicationWords | null;
  /** The checks behind a FAILED, VOIDED or INDETERMINATE outcome, in reading order. */
  reasons: readonly VerificationCheck[];
};

function named(verification: DocumentVerification): string {
  const number = verification.vault?.number ?? verification.result.seal.payload?.n ?? null;
  return number === null ? 'the certificate' : `certificate ${number}`;
}

/** "signature (broken) and page matches the seal (differs)". */
function listed(checks: readonly VerificationCheck[]): string {
  const phrases = checks.map((check) => `${check.label.toLowerCase()} (${check.status})`);
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1) ?? ''}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function passedSentence(verification: DocumentVerification): {
  verdict: Verdict;
  sentence: string;
} {
  const { result } = verification;
  if (result.documentKind === 'void')
    return {
      verdict: 'VOID COPY',
      sentence: `Genuine VOID copy of ${named(verification)}: the signed notice that it was voided. It is not a certificate in force.`,
    };
  const voidUnknown =
    result.voidStatus.status === 'not established'
      ? ' Whether it was voided later is not established: only the licensee’s vault knows.'
      : '';
  return {
    verdict: 'VALID',
    sentence: `${capitalised(named(verification))} is genuine: signed by a trusted signer, sealed, and unchanged since.${voidUnknown}`,
  };
}

/** The outcome in plain words, with the ETSI indication and sub-indication kept alongside. */
export function verificationHeadline(verification: DocumentVerification): VerificationHeadline {
  const { result } = verification;
  const checks = verificationChecks(verification);
  const base = {
    indication: result.indication,
    subIndication: result.subIndication === null ? null : subIndicationWords(result.subIndication),
  };
  const failed = checks.filter((check) => check.tone === 'failed');

  if (result.rejected !== null)
    return {
      ...base,
      verdict: 'REJECTED',
      tone: 'failed',
      sentence: `Nothing was checked. ${result.rejected.message}`,
      reasons: [],
    };
  // The verdict is the verifier's (electron/core/documents/verify/verification-outcome.ts):
  // VOIDED only when everything else passed (a forgery of a voided certificate is FAILED).
  if (result.verdict === 'VOIDED')
    return {
      ...base,
      verdict: 'VOIDED',
      tone: 'failed',
      sentence: `${capitalised(named(verification))} was voided. This file is not a certificate in force: do not accept it. ${result.voidStatus.message}`,
      reasons: failed,
    };
  if (result.verdict === 'VALID' || result.verdict === 'VOID COPY')
    return { ...base, ...passedSentence(verification), tone: 'passed', reasons: [] };
  if (result.verdict === 'FAILED')
    return {
      ...base,
      verdict: 'FAILED',
      tone: 'failed',
      sentence:
        failed.length === 0
          ? `${base.subIndication?.name ?? 'The verification failed'}. Do not rely on this file.`
          : `${capitalised(failed.length === 1 ? 'this check failed' : 'these checks failed')}: ${listed(failed)}. Do not rely on this file.`,
      reasons: failed,
    };
  const open = checks.filter(
    (check) => check.tone === 'not established' || check.tone === 'failed',
  );
  return {
    ...base,
    verdict: 'INDETERMINATE',
    tone: 'indeterminate',
    sentence:
      open.length === 0
        ? `${base.subIndication?.name ?? 'The outcome'} could not be established. The file is not shown to be a certificate you can rely on.`
        : `Not established: ${listed(open)}. The file is not shown to be a certificate you can rely on.`,
    reasons: open,
  };
}

/**
 * True only for a VALID certificate or a genuine VOID copy: TOTAL-PASSED and not voided in the
 * vault. `kpdesk verify` exits 0 exactly then, 1 otherwise (issue 11: anything else exits 1).
 */
export function verificationPassed(verification: DocumentVerification): boolean {
  const { verdict } = verificationHeadline(verification);
  return verdict === 'VALID' || verdict === 'VOID COPY';
}

/** "TOTAL-FAILED / HASH_FAILURE (Hash failure)": the ETSI EN 319 102-1 codes, to look up. */
export function indicationLine(verification: DocumentVerification): string {
  const { indication, subIndication } = verification.result;
  if (subIndication === null) return indication;
  return `${indication} / ${subIndication} (${subIndicationWords(subIndication).name})`;
}

/** "VALID: Certificate US10001 is genuine: …", the line the CLI prints after the file name. */
export function headlineText(verification: DocumentVerification): string {
  const headline = verificationHeadline(verification);
  return `${headline.verdict}: ${headline.sentence}`;
}

/** The certificate in this vault the file names, in one line; null when the vault has none. */
export function vaultRecordLine(verification: DocumentVerification): string | null {
  const { vault } = verification;
  if (vault === null) return null;
  const kept =
    vault.storedDocument === null
      ? 'this file is not byte for byte a document this vault signed'
      : `this file is byte for byte its signed ${vault.storedDocument === 'void' ? 'VOID copy' : 'PDF'}`;
  return `${vault.number} (${vault.state.toLowerCase()}): ${kept}`;
}

/** One line per field where the seal and the vault record differ. */
export function recordMismatchLines(verification: DocumentVerification): string[] {
  return verification.result.record.mismatches.map(
    (mismatch) => `${mismatch.field}: sealed "${mismatch.sealed}", vault "${mismatch.record}"`,
  );
}
