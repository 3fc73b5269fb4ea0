// One finding of the review, with the severity, rule and citation its code always carries
// (shared/review/review-codes.ts): a check names only what it found and in which words.
import type { ReviewFindingCode } from '../../../shared/review/review-codes';
import { reviewRules } from '../../../shared/review/review-codes';
import type { ReviewFinding } from '../../../shared/review/review-report';

export type NamedCertificate = { id: number | null; number: string } | null;

export function reviewFinding(
  code: ReviewFindingCode,
  certificate: NamedCertificate,
  message: string,
): ReviewFinding {
  const { severity, rule, citation } = reviewRules[code];
  return {
    code,
    severity,
    certificateNumber: certificate?.number ?? null,
    certificateId: certificate?.id ?? null,
    rule,
    citation,
    message,
  };
}
