// The codes of the full review's findings (issue 14, part 2), each with its fixed severity and
// the rule it comes from, so the app, the CLI, the CSV and the PDF cite the same source. A code
// is never reused for another meaning; docs/review.md describes each.
//
// Severity: "error" is a breach of a duty or a record that cannot be relied on (exit code 1 in
// `kpdesk review`); "warning" is a duty not yet done or something a reviewer will ask about;
// "info" is a fact worth knowing that breaks no rule by itself.
export const reviewFindingCodes = [
  'AUDIT_CHAIN_BROKEN',
  'AUDIT_ANCHOR_CONTRADICTED',
  'DOCUMENT_NOT_VERIFIED',
  'DOCUMENT_RECORD_MISMATCH',
  'STOCK_GAP',
  'STOCK_NUMBER_USED_TWICE',
  'ITN_MISSING',
  'ITN_USED_TWICE',
  'ITN_SHARED_BY_SPLIT_SHIPMENT',
  'CENSUS_EXPORT_COPY_MISSING',
  'CENSUS_EXPORT_COPY_NOT_DELIVERED',
  'CENSUS_VOID_COPY_MISSING',
  'CENSUS_VOID_COPY_NOT_DELIVERED',
  'EXPIRED_NOT_VOIDED',
  'USKPA_REPORT_MISSING',
  'USKPA_REPORT_NOT_DELIVERED',
  'USKPA_REPORT_MISMATCH',
  'USKPA_RECEIPT_MISMATCH',
  'IMPORT_NUMBER_REUSED',
  'CORRECTION_PENDING',
  'IMPORTED_RECORD',
] as const;

export type ReviewFindingCode = (typeof reviewFindingCodes)[number];

export const reviewSeverities = ['error', 'warning', 'info'] as const;
export type ReviewSeverity = (typeof reviewSeverities)[number];

export type ReviewRule = { severity: ReviewSeverity; rule: string; citation: string };

const census = '31 CFR 592.301(a)(1)(iv); 15 CFR 30.7(c)';
const censusVoid = '31 CFR 592.301(a)(1)(v); 15 CFR 30.4(e)';
const uskpa = 'USKPA licence terms (report each use); Census 2019 licensee guidance';

export const reviewRules: Readonly<Record<ReviewFindingCode, ReviewRule>> = {
  AUDIT_CHAIN_BROKEN: {
    severity: 'error',
    rule: 'The record was not changed outside KP Desk',
    citation: '31 CFR 501.601 (records kept intact, 10 years); 15 CFR 30.10',
  },
  AUDIT_ANCHOR_CONTRADICTED: {
    severity: 'error',
    rule: 'The audit chain agrees with its heads kept outside the vault',
    citation: '31 CFR 501.601; docs/audit-anchors.md',
  },
  DOCUMENT_NOT_VERIFIED: {
    severity: 'error',
    rule: 'Every stored signed certificate PDF verifies (signature intact, signer trusted, seal)',
    citation: '31 CFR 592.307; 31 CFR 501.601 (copies kept)',
  },
  DOCUMENT_RECORD_MISMATCH: {
    severity: 'error',
    rule: 'The signed PDF says what the record says',
    citation: '31 CFR 592.307; Census 2019 licensee guidance (the record matches the paper)',
  },
  STOCK_GAP: {
    severity: 'info',
    rule: 'The stock book of purchased forms has no unexplained gap',
    citation: '31 CFR 592.307(c); USKPA licence terms (pre-numbered forms)',
  },
  STOCK_NUMBER_USED_TWICE: {
    severity: 'error',
    rule: 'A certificate number is used once, never again, not even after voiding',
    citation: '31 CFR 592.307(c); 592.313',
  },
  ITN_MISSING: {
    severity: 'error',
    rule: 'An issued certificate carries the ITN of its AES filing',
    citation: '31 CFR 592.301(a)(5); 592.307(l); 15 CFR 30.7(c)',
  },
  ITN_USED_TWICE: {
    severity: 'error',
    rule: 'One AES filing (ITN) per shipment',
    citation: '15 CFR 30.6, 30.7(c); Census 2019 licensee guidance',
  },
  ITN_SHARED_BY_SPLIT_SHIPMENT: {
    severity: 'info',
    rule: 'One ITN may cover the certificates of one shipment split by HS code',
    citation: '31 CFR 592.307(k); 15 CFR 30.6',
  },
  CENSUS_EXPORT_COPY_MISSING: {
    severity: 'error',
    rule: 'Census receives a copy of every certificate immediately after export',
    citation: census,
  },
  CENSUS_EXPORT_COPY_NOT_DELIVERED: {
    severity: 'warning',
    rule: 'Census receives a copy of every certificate immediately after export',
    citation: census,
  },
  CENSUS_VOID_COPY_MISSING: {
    severity: 'error',
    rule: 'Census receives a copy of every voided certificate immediately on voiding',
    citation: censusVoid,
  },
  CENSUS_VOID_COPY_NOT_DELIVERED: {
    severity: 'warning',
    rule: 'Census receives a copy of every voided certificate immediately on voiding',
    citation: censusVoid,
  },
  EXPIRED_NOT_VOIDED: {
    severity: 'warning',
    rule: 'An expired certificate must not be used: void it and issue a new one',
    citation: '31 CFR 592.307(e); Census 2019 licensee guidance',
  },
  USKPA_REPORT_MISSING: {
    severity: 'error',
    rule: 'Every issued certificate is reported to USKPA',
    citation: uskpa,
  },
  USKPA_REPORT_NOT_DELIVERED: {
    severity: 'warning',
    rule: 'Every issued certificate is reported to USKPA',
    citation: uskpa,
  },
  USKPA_REPORT_MISMATCH: {
    severity: 'error',
    rule: "USKPA's record matches the certificate",
    citation: uskpa,
  },
  USKPA_RECEIPT_MISMATCH: {
    severity: 'error',
    rule: "A delivered report's signed receipt acknowledges exactly that report",
    citation: `${uskpa}; docs/submission-api.md`,
  },
  IMPORT_NUMBER_REUSED: {
    severity: 'error',
    rule: "An import certificate's number is never used for an export",
    citation: '31 CFR 592.307(c); Census 2019 licensee guidance',
  },
  CORRECTION_PENDING: {
    severity: 'warning',
    rule: 'A correction to an issued certificate is decided, never left open',
    citation: '31 CFR 592.307; USKPA licence terms (the record matches the paper)',
  },
  IMPORTED_RECORD: {
    severity: 'info',
    rule: 'A record imported from elsewhere is kept, but was not signed by KP Desk',
    citation: '31 CFR 501.601; 15 CFR 30.10 (records kept for their retention period)',
  },
};
