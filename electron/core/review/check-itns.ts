// The ITN of each issued certificate (31 CFR 592.301(a)(5); 592.307(l): the ITN of the AES
// filing written on the certificate completes its validation), and an ITN on two
// certificates: one EEI filing covers one shipment (15 CFR 30.6, 30.7(c)), so two certificates
// may share it only when they are one shipment split by HS code (31 CFR 592.307(k): one code per
// certificate) — same exporter, consignee and export date, different HS codes. Otherwise it is
// a mis-keyed ITN, which Census names among the most common errors (2019 guidance).
// Voided certificates are left out: they never travelled.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReviewFinding } from '../../../shared/review/review-report';
import { reviewFinding } from './review-finding';
import type { ReviewedCertificate } from './reviewed-certificates';

/** States of a certificate that was issued and not withdrawn. */
const IN_FORCE_SQL = `('ISSUED', 'SHIPPED', 'DELIVERED', 'EXPIRED')`;
const IN_FORCE = new Set(['ISSUED', 'SHIPPED', 'DELIVERED', 'EXPIRED']);

type ItnHolder = {
  number: string;
  itn: string;
  hs_code: string;
  exporter_name: string;
  consignee_name: string;
  export_date: string | null;
};

function oneSplitShipment(holders: readonly ItnHolder[]): boolean {
  const [first] = holders;
  if (first === undefined) return false;
  const sameShipment = holders.every(
    (h) =>
      h.exporter_name === first.exporter_name &&
      h.consignee_name === first.consignee_name &&
      h.export_date === first.export_date,
  );
  return sameShipment && new Set(holders.map((h) => h.hs_code)).size === holders.length;
}

/** Why these certificates are not one shipment split by HS code, naming what differs. */
function notSplitBecause(holders: readonly ItnHolder[]): string {
  const differs = (pick: (h: ItnHolder) => string | null) => new Set(holders.map(pick)).size > 1;
  const reasons: string[] = [];
  if (differs((h) => h.exporter_name)) reasons.push('the exporters differ');
  if (differs((h) => h.consignee_name)) reasons.push('the consignees differ');
  if (differs((h) => h.export_date)) reasons.push('the export dates differ');
  const codes = holders.map((h) => h.hs_code);
  const repeated = codes.filter((code, i) => codes.indexOf(code) !== i);
  if (repeated.length > 0)
    reasons.push(
      `HS code ${repeated[0] ?? ''} is on more than one of them (a split has one certificate per code)`,
    );
  return reasons.join('; ');
}

export function itnFindings(
  db: Database,
  certificates: readonly ReviewedCertificate[],
): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const certificate of certificates)
    if (IN_FORCE.has(certificate.state) && certificate.itn === null)
      findings.push(
        reviewFinding(
          'ITN_MISSING',
          certificate,
          `Certificate ${certificate.number} was issued (now ${certificate.state.toLowerCase()}) without an ITN: the AES filing that validates it is not on record.`,
        ),
      );
  // Every holder of a shared ITN in the vault, so a certificate of the period is compared with
  // one outside it too.
  const shared = db
    .prepare<[], ItnHolder>(
      `SELECT number, itn, hs_code, exporter_name, consignee_name,
              json_extract(draft_json, '$.exportDate') AS export_date
         FROM certificates
        WHERE state IN ${IN_FORCE_SQL} AND itn IN (
          SELECT itn FROM certificates WHERE state IN ${IN_FORCE_SQL} AND itn IS NOT NULL
             AND itn <> '' GROUP BY itn HAVING count(*) > 1)
        ORDER BY itn, number`,
    )
    .all();
  const byItn = new Map<string, ItnHolder[]>();
  for (const holder of shared) byItn.set(holder.itn, [...(byItn.get(holder.itn) ?? []), holder]);
  for (const certificate of certificates) {
    if (!IN_FORCE.has(certificate.state) || certificate.itn === null) continue;
    const holders = byItn.get(certificate.itn);
    if (holders === undefined) continue;
    const others = holders.filter((h) => h.number !== certificate.number).map((h) => h.number);
    if (oneSplitShipment(holders))
      findings.push(
        reviewFinding(
          'ITN_SHARED_BY_SPLIT_SHIPMENT',
          certificate,
          `The ITN ${certificate.itn} is also on ${others.join(', ')}: the same exporter, consignee and export date under different HS codes, one shipment split by code.`,
        ),
      );
    else
      findings.push(
        reviewFinding(
          'ITN_USED_TWICE',
          certificate,
          `The ITN ${certificate.itn} is also on ${others.join(', ')}, and they are not one shipment split by HS code: ${notSplitBecause(holders)}. One AES filing covers one shipment: one of the ITNs is mis-keyed.`,
        ),
      );
  }
  return findings;
}
