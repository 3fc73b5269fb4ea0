// What the lifecycle leaves a reviewer to ask about:
// - expired but not voided: an issued certificate not shipped by its date of expiry must not be
//   used (31 CFR 592.307(e)); USKPA practice is to void it and issue a new one (Census 2019: "an
//   expired certificate used"). Marked EXPIRED by the app, or still ISSUED past its expiry;
// - corrections pending: a correction requested on an issued certificate and not decided leaves
//   the record and the paper possibly apart (docs/domain: corrections after ISSUED).
// - an import certificate's number reused for an export (Census 2019), by the validator's own
//   rule (shared/domain/rules/number-rules.ts). Incoming certificates are not recorded yet: the
//   numbers come from a source the caller gives (none until imports are kept in the vault).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { checkNumber } from '../../../shared/domain/rules/number-rules';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';
import type { ReviewFinding } from '../../../shared/review/review-report';
import { reviewFinding } from './review-finding';
import type { ReviewedCertificate } from './reviewed-certificates';

export function expiryFindings(
  certificates: readonly ReviewedCertificate[],
  today: string,
): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const certificate of certificates) {
    const expiry = certificate.dateOfExpiry ?? 'its date of expiry';
    if (certificate.state === 'EXPIRED')
      findings.push(
        reviewFinding(
          'EXPIRED_NOT_VOIDED',
          certificate,
          `Certificate ${certificate.number} expired on ${expiry} without being shipped and is not voided: void it (and issue a new one if the shipment goes ahead).`,
        ),
      );
    else if (
      certificate.state === 'ISSUED' &&
      certificate.dateOfExpiry !== null &&
      certificate.dateOfExpiry < today
    )
      findings.push(
        reviewFinding(
          'EXPIRED_NOT_VOIDED',
          certificate,
          `Certificate ${certificate.number} passed its date of expiry (${expiry}) without being shipped and is not voided: it must not be used.`,
        ),
      );
  }
  return findings;
}

type PendingRow = {
  id: number;
  certificate_id: number;
  reason: string;
  requested_at: string;
  requested_by: string;
};

export function correctionFindings(
  db: Database,
  certificates: readonly ReviewedCertificate[],
): ReviewFinding[] {
  const byId = new Map(certificates.map((c) => [c.id, c]));
  const pending = db
    .prepare<[], PendingRow>(
      `SELECT e.id, e.certificate_id, e.reason, e.requested_at, u.display_name AS requested_by
         FROM edit_requests AS e JOIN users AS u ON u.id = e.requested_by
        WHERE e.status = 'pending' ORDER BY e.certificate_id, e.id`,
    )
    .all();
  const findings: ReviewFinding[] = [];
  for (const request of pending) {
    const certificate = byId.get(request.certificate_id);
    if (certificate === undefined) continue;
    findings.push(
      reviewFinding(
        'CORRECTION_PENDING',
        certificate,
        `A correction of ${certificate.number} requested by ${request.requested_by} on ${request.requested_at.slice(0, 10)} ("${request.reason}") is still waiting for an administrator's decision.`,
      ),
    );
  }
  return findings;
}

export function importNumberFindings(
  certificates: readonly ReviewedCertificate[],
  importNumbers: ReadonlySet<string>,
): ReviewFinding[] {
  if (importNumbers.size === 0) return [];
  const findings: ReviewFinding[] = [];
  for (const certificate of certificates) {
    // The validator's rule on the number alone (the other fields play no part in it).
    const rule = checkNumber({ number: certificate.number } as CertificateDraft, {
      settings: defaultValidationSettings,
      purpose: 'issue',
      importCertificateNumbers: importNumbers,
    });
    const hit = rule.find((finding) => finding.code === 'NUMBER_IS_IMPORT_CERTIFICATE');
    if (hit !== undefined)
      findings.push(
        reviewFinding(
          'IMPORT_NUMBER_REUSED',
          certificate,
          `Certificate ${certificate.number} (${certificate.state.toLowerCase()}) carries a number received on an import certificate: ${hit.message}`,
        ),
      );
  }
  return findings;
}
