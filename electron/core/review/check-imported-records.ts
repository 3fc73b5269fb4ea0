// Records imported from elsewhere (issue 15, `kpdesk import-records`): certificates issued before
// KP Desk, on paper or through USKPA's database. The review counts them like any other record
// (their ITNs, lifecycle and stock numbers are checked), but KP Desk never signed them, and their
// Census copies and USKPA reports were made outside it: there is no signed PDF to verify and no
// outbox message to look for, which is not a breach. So the review names each one as imported,
// with the file and row it came from, instead of reporting what it cannot see as missing.
import type { ReviewFinding } from '../../../shared/review/review-report';
import { reviewFinding } from './review-finding';
import type { ReviewedCertificate } from './reviewed-certificates';

export function importedFindings(certificates: readonly ReviewedCertificate[]): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const certificate of certificates) {
    const from = certificate.importedFrom;
    if (from === null) continue;
    findings.push(
      reviewFinding(
        'IMPORTED_RECORD',
        certificate,
        `Certificate ${certificate.number} (${certificate.state.toLowerCase()}) is an imported record, not signed by KP Desk: it came from ${from.file}, row ${String(from.row)}. Its paper certificate, its copies to Census and its report to USKPA were made outside KP Desk and are not checked here; keep the paper copy for the retention period.`,
      ),
    );
  }
  return findings;
}
