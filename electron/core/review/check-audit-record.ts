// The audit verification inside the review (the existing verifier, verify-audit-chain.ts; with
// the anchors the integrity work reads when the caller names them, check-anchor-files.ts). A
// break means a record was changed outside KP Desk: 31 CFR 501.601 asks for records kept
// intact for ten years, so it is an error, named with the certificate it touches when it does.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReviewFinding } from '../../../shared/review/review-report';
import type { AnchorFilesReport } from '../vault/audit/check-anchor-files';
import type { AuditReport } from '../vault/audit/verify-audit-chain';
import { reviewFinding } from './review-finding';
import type { NamedCertificate } from './review-finding';

function certificateOf(db: Database, entityType?: string, entityId?: string): NamedCertificate {
  if (entityType !== 'certificate' || entityId === undefined) return null;
  const number = db
    .prepare<[number], string>('SELECT number FROM certificates WHERE id = ?')
    .pluck()
    .get(Number(entityId));
  return number === undefined ? null : { id: Number(entityId), number };
}

export function auditFindings(
  db: Database,
  report: AuditReport,
  anchors: AnchorFilesReport | undefined,
): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  const broken = report.firstBreak;
  if (broken !== undefined) {
    const where =
      broken.seq === null ? 'a record without an audit event' : `audit event ${String(broken.seq)}`;
    const record = broken.record === undefined ? '' : `${broken.record}: `;
    findings.push(
      reviewFinding(
        'AUDIT_CHAIN_BROKEN',
        certificateOf(db, broken.entityType, broken.entityId),
        `${record}${broken.message} (${where}; ${String(report.eventsChecked)} events checked). The record was changed outside KP Desk; the first break is named, later ones may hide behind it.`,
      ),
    );
  }
  for (const verdict of anchors?.verdicts ?? [])
    if (verdict.status === 'contradicted')
      findings.push(
        reviewFinding(
          'AUDIT_ANCHOR_CONTRADICTED',
          null,
          `The anchor ${verdict.anchor.source} (event ${String(verdict.anchor.seq)}) contradicts the vault's chain: ${verdict.message}${anchors?.firstDifference === undefined ? '' : ` ${anchors.firstDifference.message}`}`,
        ),
      );
  for (const problem of anchors?.problems ?? [])
    findings.push(
      reviewFinding(
        'AUDIT_ANCHOR_CONTRADICTED',
        null,
        `The anchor file ${problem.path} cannot be read (${problem.reason}): the chain was not compared with it.`,
      ),
    );
  return findings;
}
