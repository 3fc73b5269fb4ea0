// The certificates a review looks at: every certificate that was issued (or voided: a voided
// draft still owes Census its void copy, 31 CFR 592.301(a)(1)(v)), of the whole vault or of a
// period. A certificate is in a period by its date of issue (the statistics' basis,
// docs/statistics.md); one voided before it had a date of issue, by the day it was voided.
// Drafts and validated certificates were never issued and owe nothing yet.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { StoredState } from '../vault/repositories/certificate-row';

export type ReviewedCertificate = {
  id: number;
  number: string;
  state: StoredState;
  itn: string | null;
  hsCode: string;
  exporterName: string;
  consigneeName: string;
  exportDate: string | null;
  dateOfIssue: string | null;
  dateOfExpiry: string | null;
  issuedAt: string | null;
  shipDate: string | null;
  voidedAt: string | null;
  /** Imported from elsewhere (record_imports, migration 0245): not signed by KP Desk, and its
   * duties (Census copy, USKPA report) were done outside it. */
  importedFrom: { file: string; row: number } | null;
};

type Row = {
  id: number;
  number: string;
  state: StoredState;
  itn: string | null;
  hs_code: string;
  exporter_name: string;
  consignee_name: string;
  export_date: string | null;
  date_of_issue: string | null;
  date_of_expiry: string | null;
  issued_at: string | null;
  ship_date: string | null;
  voided_at: string | null;
  import_file: string | null;
  import_row: number | null;
};

const SELECT = `SELECT id, number, state, itn, hs_code, exporter_name, consignee_name,
    json_extract(draft_json, '$.exportDate') AS export_date, date_of_issue,
    json_extract(draft_json, '$.dateOfExpiry') AS date_of_expiry, issued_at, ship_date, voided_at,
    i.source_file AS import_file, i.source_row AS import_row
  FROM certificates LEFT JOIN record_imports AS i ON i.certificate_id = certificates.id
 WHERE state NOT IN ('DRAFT', 'VALIDATED')`;

export const REVIEW_DAY_SQL = `coalesce(date_of_issue, substr(voided_at, 1, 10))`;

function toCertificate(row: Row): ReviewedCertificate {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    itn: row.itn === null || row.itn === '' ? null : row.itn,
    hsCode: row.hs_code,
    exporterName: row.exporter_name,
    consigneeName: row.consignee_name,
    exportDate: row.export_date,
    dateOfIssue: row.date_of_issue,
    dateOfExpiry: row.date_of_expiry,
    issuedAt: row.issued_at,
    shipDate: row.ship_date,
    voidedAt: row.voided_at,
    importedFrom:
      row.import_file === null || row.import_row === null
        ? null
        : { file: row.import_file, row: row.import_row },
  };
}

export type ReviewPeriod = { from: string; to: string } | null;

/** In number order, so findings read like the stock book. */
export function readReviewedCertificates(
  db: Database,
  period: ReviewPeriod,
): ReviewedCertificate[] {
  const rows =
    period === null
      ? db.prepare<[], Row>(`${SELECT} ORDER BY number`).all()
      : db
          .prepare<[string, string], Row>(
            `${SELECT} AND ${REVIEW_DAY_SQL} BETWEEN ? AND ? ORDER BY number`,
          )
          .all(period.from, period.to);
  return rows.map(toCertificate);
}
