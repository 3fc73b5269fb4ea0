// The indication for the whole (ETSI EN 319 102-1 5.1.3): each check that does not pass adds a
// TOTAL-FAILED or INDETERMINATE finding with its sub-indication; TOTAL-FAILED wins over
// INDETERMINATE (something was proven wrong), the first finding of the winning kind names the
// sub-indication, and TOTAL-PASSED is given only when no check added anything. Only then do the
// words "valid" and "genuine" appear (docs/signing.md, "Outcomes").
import type { SubIndication, VerificationResult } from './verification-result';

export type OutcomeFinding = {
  indication: 'TOTAL-FAILED' | 'INDETERMINATE';
  subIndication: SubIndication;
  reason: string;
};

export class OutcomeFindings {
  readonly list: OutcomeFinding[] = [];

  failed(subIndication: SubIndication, reason: string): void {
    this.list.push({ indication: 'TOTAL-FAILED', subIndication, reason });
  }

  indeterminate(subIndication: SubIndication, reason: string): void {
    this.list.push({ indication: 'INDETERMINATE', subIndication, reason });
  }
}

function passedSummary(result: VerificationResult): string {
  const number = result.seal.payload?.n ?? 'the certificate';
  const head = `Valid: the signature covers the whole file, the signer is trusted (${result.chain.anchor ?? 'a trust anchor'}), and the seal is genuine and matches every field on the page.`;
  if (result.documentKind === 'void')
    return `${head} This is the signed VOID copy of ${number}: it records that the certificate was voided and cannot be used for a shipment.`;
  if (result.voidStatus.status === 'voided')
    return `VOIDED: ${number} was voided in the issuer’s vault. The file is intact and its signer trusted, but the certificate must not be used for a shipment. ${result.voidStatus.message}`;
  if (result.voidStatus.status === 'not voided')
    return `${head} The issuer’s vault holds the same record and the certificate is not voided.`;
  return `${head} ${result.voidStatus.message}`;
}

/** Sets indication, sub-indication, verdict and summary from the findings of the checks. */
export function applyOutcome(result: VerificationResult, findings: OutcomeFindings): void {
  const failed = findings.list.find((finding) => finding.indication === 'TOTAL-FAILED');
  const decisive = failed ?? findings.list[0];
  if (decisive !== undefined) {
    result.indication = decisive.indication;
    result.subIndication = decisive.subIndication;
    result.verdict = decisive.indication === 'TOTAL-FAILED' ? 'FAILED' : 'INDETERMINATE';
    const prefix =
      decisive.indication === 'TOTAL-FAILED'
        ? 'FAILED: this file must not be accepted.'
        : 'NOT ESTABLISHED: the checks below could not show that this file may be relied on.';
    result.summary = `${prefix} ${decisive.reason}`;
    return;
  }
  result.indication = 'TOTAL-PASSED';
  result.subIndication = null;
  result.verdict =
    result.documentKind === 'void'
      ? 'VOID COPY'
      : result.voidStatus.status === 'voided'
        ? 'VOIDED'
        : 'VALID';
  result.summary = passedSummary(result);
}
