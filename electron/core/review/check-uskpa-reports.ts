// USKPA's database must hold each certificate's use, and its data must match the paper (USKPA
// licence terms; Census 2019 guidance: "issued certificates never reported to USKPA", "USKPA
// record not matching the paper"). From the outbox: every issued certificate has its 'issued'
// report, every voided one its 'voided' report; the latest report of the certificate's data
// ('issued', or 'amended' after an approved correction) says what the record says now, field by
// field; and a report marked delivered has its signed receipt, acknowledging exactly that report
// (its idempotency key, USKPA as recipient, and the audit head the report carried,
// docs/submission-api.md).
import type { ReviewFinding } from '../../../shared/review/review-report';
import { SignedReceiptSchema } from '../submission/submission-receipt';
import type { CanonicalValue } from '../vault/audit/canonical-json';
import { canonicalJson } from '../vault/audit/canonical-json';
import type { ReviewedMessage } from './outbox-by-certificate';
import { STATUS_WORDS, isAbandoned, isDelivered } from './outbox-by-certificate';
import { reviewFinding } from './review-finding';
import type { ReviewedCertificate } from './reviewed-certificates';

/** The fields of a report that describe the certificate (certificate-payloads.ts). */
export const REPORTED_FIELDS = [
  'number',
  'countryOfOrigin',
  'dateOfIssue',
  'dateOfExpiry',
  'exportDate',
  'exporter',
  'consignee',
  'destinationCountry',
  'caratHundredths',
  'valueCents',
  'parcels',
  'hsCode',
  'itn',
] as const;

/** The record's data as a report would carry it now; null when the record cannot be read. */
export type RecordPayload = (certificateId: number) => Record<string, CanonicalValue> | null;

const shown = (value: unknown): string =>
  value === undefined
    ? '(absent)'
    : typeof value === 'string'
      ? value
      : canonicalJson(value as CanonicalValue);

function reportFor(
  certificate: ReviewedCertificate,
  reports: readonly ReviewedMessage[],
  reason: 'issued' | 'voided',
): ReviewFinding | null {
  const sent = reports.filter((m) => m.reason === reason);
  if (sent.some(isDelivered)) return null;
  const event = reason === 'issued' ? 'issue' : 'void';
  const last = sent[sent.length - 1];
  if (last === undefined)
    return reviewFinding(
      'USKPA_REPORT_MISSING',
      certificate,
      `The ${event} of certificate ${certificate.number} was never reported to USKPA: no report is in the outbox.`,
    );
  if (sent.every(isAbandoned))
    return reviewFinding(
      'USKPA_REPORT_MISSING',
      certificate,
      `The report of the ${event} of certificate ${certificate.number} to USKPA was ${STATUS_WORDS[last.status]} and never delivered.`,
    );
  return reviewFinding(
    'USKPA_REPORT_NOT_DELIVERED',
    certificate,
    `The report of the ${event} of certificate ${certificate.number} to USKPA is ${STATUS_WORDS[last.status]}, not delivered yet.`,
  );
}

function mismatchFinding(
  certificate: ReviewedCertificate,
  reports: readonly ReviewedMessage[],
  recordPayload: RecordPayload,
): ReviewFinding | null {
  const latest = reports.filter((m) => m.reason === 'issued' || m.reason === 'amended').at(-1);
  if (latest === undefined) return null;
  const record = recordPayload(certificate.id);
  let reported: Record<string, unknown>;
  try {
    reported = JSON.parse(latest.payloadJson) as Record<string, unknown>;
  } catch {
    reported = {};
  }
  if (record === null)
    return reviewFinding(
      'USKPA_REPORT_MISMATCH',
      certificate,
      `The record of certificate ${certificate.number} no longer passes the rules, so it cannot match what USKPA was told.`,
    );
  const differences = REPORTED_FIELDS.filter(
    (field) => shown(reported[field]) !== shown(record[field]),
  ).map(
    (field) =>
      `${field}: USKPA was told ${shown(reported[field])}, the record says ${shown(record[field])}`,
  );
  if (differences.length === 0) return null;
  return reviewFinding(
    'USKPA_REPORT_MISMATCH',
    certificate,
    `USKPA's copy (report ${latest.idempotencyKey}) differs from the record of ${certificate.number}: ${differences.join('; ')}.`,
  );
}

function receiptFindings(
  certificate: ReviewedCertificate,
  reports: readonly ReviewedMessage[],
): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const report of reports.filter(isDelivered)) {
    const problem = receiptProblem(report);
    if (problem !== null)
      findings.push(
        reviewFinding(
          'USKPA_RECEIPT_MISMATCH',
          certificate,
          `USKPA report ${report.idempotencyKey} is marked delivered, but ${problem}.`,
        ),
      );
  }
  return findings;
}

function receiptProblem(report: ReviewedMessage): string | null {
  if (report.receiptJson === null) return 'no signed receipt is stored for it';
  let parsed;
  try {
    parsed = SignedReceiptSchema.safeParse(JSON.parse(report.receiptJson));
  } catch {
    return 'its stored receipt is not readable JSON';
  }
  if (!parsed.success) return 'its stored receipt is not in the documented form';
  const { receipt } = parsed.data;
  if (receipt.idempotencyKey !== report.idempotencyKey)
    return `its receipt acknowledges another report (${receipt.idempotencyKey})`;
  if (receipt.recipient !== 'uskpa') return `its receipt comes from ${receipt.recipient}`;
  if (
    report.auditHeadSeq !== null &&
    (receipt.auditHead?.seq !== report.auditHeadSeq ||
      receipt.auditHead.hash !== report.auditHeadHash)
  )
    return `its receipt echoes audit head ${String(receipt.auditHead?.seq ?? 'none')}, not the head ${String(report.auditHeadSeq)} the report carried`;
  return null;
}

export function uskpaFindings(
  certificates: readonly ReviewedCertificate[],
  outbox: ReadonlyMap<number, readonly ReviewedMessage[]>,
  recordPayload: RecordPayload,
): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const certificate of certificates) {
    // An imported record was reported to USKPA outside KP Desk (importedFindings names it).
    if (certificate.importedFrom !== null) continue;
    const reports = (outbox.get(certificate.id) ?? []).filter((m) => m.recipient === 'uskpa');
    const push = (found: ReviewFinding | null) => {
      if (found !== null) findings.push(found);
    };
    if (certificate.issuedAt !== null) push(reportFor(certificate, reports, 'issued'));
    if (certificate.state === 'VOIDED') push(reportFor(certificate, reports, 'voided'));
    else push(mismatchFinding(certificate, reports, recordPayload));
    findings.push(...receiptFindings(certificate, reports));
  }
  return findings;
}
