// `kpdesk review` as text for a terminal: what was reviewed (the vault, the period, when, by
// whom, the audit head), what was checked, then the findings grouped by severity, each with its
// certificate, code, message and source, wrapped for an 80-column terminal.
import type { ReviewSeverity } from '../shared/review/review-codes';
import { reviewSeverities } from '../shared/review/review-codes';
import type { ReviewReport } from '../shared/review/review-report';
import { periodWords } from '../electron/core/review/review-csv';
import { wrapText } from './wrap-text';

const TITLES: Record<ReviewSeverity, string> = {
  error: 'ERRORS',
  warning: 'WARNINGS',
  info: 'FOR INFORMATION',
};

export function formatReview(report: ReviewReport): string {
  const { checked, counts } = report;
  const lines = [
    `Review of ${report.vault.licensee ?? 'the vault'}${report.vault.vaultId === null ? '' : ` (vault ${report.vault.vaultId})`}`,
    `  period:     ${periodWords(report)}`,
    `  run:        ${report.ranAt} by ${report.ranBy}`,
    `  audit head: event ${String(report.auditHead.seq)}, ${report.auditHead.hash}`,
    `  checked:    ${String(checked.certificates)} certificates, ${String(checked.documents)} signed PDFs, ${String(checked.auditEvents)} audit events, ${String(checked.anchors)} anchors`,
    `  findings:   ${String(counts.error)} errors, ${String(counts.warning)} warnings, ${String(counts.info)} for information`,
  ];
  if (report.findings.length === 0) lines.push('', 'No finding: every check passed.');
  for (const severity of reviewSeverities) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${TITLES[severity]} (${String(group.length)})`);
    for (const finding of group) {
      lines.push(`  ${finding.certificateNumber ?? 'vault'}  ${finding.code}`);
      for (const line of wrapText(finding.message, 74)) lines.push(`    ${line}`);
      for (const line of wrapText(`Source: ${finding.citation}`, 74)) lines.push(`    ${line}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
