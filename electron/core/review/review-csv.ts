// The review's findings as CSV: one row per finding, with what was reviewed repeated on every row
// (the vault, the period, when, by whom, the audit head), so a row pasted elsewhere still says
// where it comes from. A review without findings writes one row saying so, with the same context.
// RFC 4180, CRLF line ends; every text cell passes csv-cell.ts (formula injection).
import type { ReviewReport } from '../../../shared/review/review-report';
import { csvLine } from '../table-files/csv-cell';

export const REVIEW_CSV_COLUMNS = [
  'severity',
  'code',
  'certificate',
  'rule',
  'citation',
  'message',
  'vault_id',
  'licensee',
  'period',
  'ran_at',
  'ran_by',
  'audit_head_seq',
  'audit_head_hash',
] as const;

export function periodWords(report: ReviewReport): string {
  return report.period === null
    ? 'whole vault'
    : `${report.period.label} (${report.period.from}..${report.period.to})`;
}

export function reviewCsv(report: ReviewReport): string {
  const context = [
    report.vault.vaultId ?? '',
    report.vault.licensee ?? '',
    periodWords(report),
    report.ranAt,
    report.ranBy,
    String(report.auditHead.seq),
    report.auditHead.hash,
  ];
  const rows = report.findings.map((f) => [
    f.severity,
    f.code,
    f.certificateNumber ?? '',
    f.rule,
    f.citation,
    f.message,
  ]);
  if (rows.length === 0) rows.push(['none', '', '', '', '', 'No finding.']);
  return [REVIEW_CSV_COLUMNS, ...rows.map((row) => [...row, ...context])].map(csvLine).join('');
}
