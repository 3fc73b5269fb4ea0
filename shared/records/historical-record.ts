// A certificate issued before KP Desk (on paper, or through USKPA's database) as it is imported
// into the vault (issue 15, `kpdesk import-records`), and the rules that apply to such a record.
//
// A historical record is a fact of the past, not a certificate being prepared now, so the rules
// split in two:
// - rules about the record's FORM refuse it: a well-formed US number (31 CFR 592.307(c)), real
//   dates in a possible order (expiry after issue, shipment and voiding not before issue, nothing
//   after today), amounts that can be read exactly (592.307(h)-(j)), one known HS code
//   (592.307(k)), known countries, a well-formed ITN when there is one. Without them the record
//   cannot be counted, searched or reviewed;
// - rules about the SHIPMENT's compliance become warnings on the row: the Participant list and
//   the US trade measures change over time (a Participant then may be suspended now), the expiry
//   setting and the printed lengths are KP Desk's own, an address naming its country is Census's
//   advice. Refusing them would leave the licensee unable to keep the record the law requires
//   (31 CFR 501.601: ten years), and the reviewer sees them anyway.
// "Date in the past" (an expired certificate) is never a finding here: every imported
// certificate has expired.
import { parseIsoDate } from '../domain/calendar-date';
import type { CertificateDraft, CertificateField } from '../domain/certificate-draft';
import type { FindingCode } from '../domain/finding';
import { sources } from '../domain/sources';
import { validateCertificate } from '../domain/validate-certificate';
import type { ValidationSettings } from '../domain/validation-settings';

export const historicalStates = ['ISSUED', 'SHIPPED', 'DELIVERED', 'VOIDED', 'EXPIRED'] as const;
export type HistoricalState = (typeof historicalStates)[number];

/** The record's own facts beyond the certificate's boxes: where its life had got to. */
export type HistoricalLifecycle = {
  state: HistoricalState;
  /** YYYY-MM-DD; the day it was shipped (SHIPPED, DELIVERED). */
  shipDate: string | null;
  /** YYYY-MM-DD; the day it was delivered, when known (DELIVERED). */
  deliveredDate: string | null;
  /** YYYY-MM-DD; the day it was voided (VOIDED). */
  voidedDate: string | null;
  voidReason: string | null;
  voidNotes: string | null;
};

export type HistoricalRecord = HistoricalLifecycle & {
  draft: CertificateDraft;
  packaging: { description: string; sealNumbers: string[] } | null;
  warranty: { statement: string; invoiceNumbers: string[] } | null;
};

export type LifecycleField = 'state' | 'shipDate' | 'deliveredDate' | 'voidedDate' | 'voidReason';

export type HistoricalProblem = {
  field: CertificateField | LifecycleField;
  message: string;
  source?: string;
};

export type HistoricalCheck = { errors: HistoricalProblem[]; warnings: HistoricalProblem[] };

/** The certificate rules whose error refuses a historical record: its form (see above). */
const FORM_RULES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'NUMBER_MISSING',
  'NUMBER_FORMAT',
  'NUMBER_NOT_US',
  'NUMBER_ZERO_PADDED',
  'ORIGIN_MISSING',
  'ORIGIN_MULTIPLE',
  'ORIGIN_UNKNOWN',
  'ISSUE_DATE_MISSING',
  'ISSUE_DATE_INVALID',
  'EXPIRY_DATE_MISSING',
  'EXPIRY_DATE_INVALID',
  'EXPIRY_NOT_AFTER_ISSUE',
  'EXPORT_DATE_INVALID',
  'EXPORTER_NAME_MISSING',
  'CONSIGNEE_NAME_MISSING',
  'DESTINATION_MISSING',
  'DESTINATION_UNKNOWN',
  'DESTINATION_US',
  'CARATS_MISSING',
  'CARATS_MULTIPLE',
  'CARATS_FORMAT',
  'CARATS_PRECISION',
  'CARATS_TOO_SMALL',
  'VALUE_MISSING',
  'VALUE_MULTIPLE',
  'VALUE_FORMAT',
  'VALUE_PRECISION',
  'VALUE_NOT_POSITIVE',
  'VALUE_NOT_USD',
  'PARCELS_MISSING',
  'PARCELS_FORMAT',
  'PARCELS_TOO_FEW',
  'HS_MISSING',
  'HS_MULTIPLE',
  'HS_UNKNOWN',
  'ITN_FORMAT',
  'ITN_DATE_INVALID',
]);

/** The shared certificate rules, as they apply to a record of the past. */
function certificateProblems(
  draft: CertificateDraft,
  settings: ValidationSettings,
): HistoricalCheck {
  // "At most" N days: "exactly" is KP Desk's setting for certificates it issues, not a rule the
  // record's issuer had to follow. No `today`: an expired certificate is what history is.
  const report = validateCertificate(draft, {
    purpose: 'draft',
    settings: { ...settings, expiryMode: 'at-most' },
  });
  const check: HistoricalCheck = { errors: [], warnings: [] };
  for (const finding of report.findings) {
    const problem = { field: finding.field, message: finding.message, source: finding.source };
    if (finding.severity === 'error' && FORM_RULES.has(finding.code)) check.errors.push(problem);
    else check.warnings.push(problem);
  }
  return check;
}

function lifecycleProblems(record: HistoricalRecord, today: string): HistoricalProblem[] {
  const problems: HistoricalProblem[] = [];
  const issued = parseIsoDate(record.draft.dateOfIssue.trim());
  const todayDay = parseIsoDate(today);
  const day = (field: LifecycleField, label: string, text: string | null, needed: boolean) => {
    if (text === null || text.trim() === '') {
      if (needed)
        problems.push({
          field,
          message: `A ${record.state.toLowerCase()} certificate has a ${label}; this row gives none.`,
        });
      return null;
    }
    const value = parseIsoDate(text.trim());
    if (value === null) {
      problems.push({ field, message: `"${text.trim()}" is not a real calendar date (${label}).` });
      return null;
    }
    if (issued !== null && value < issued)
      problems.push({
        field,
        message: `The ${label} ${text.trim()} is before the date of issue ${record.draft.dateOfIssue.trim()}.`,
        source: sources.issueBeforeExport,
      });
    if (todayDay !== null && value > todayDay)
      problems.push({
        field,
        message: `The ${label} ${text.trim()} is after today (${today}): an imported record is one that already happened.`,
      });
    return value;
  };
  const { state } = record;
  if (issued !== null && todayDay !== null && issued > todayDay)
    problems.push({
      field: 'dateOfIssue',
      message: `The date of issue ${record.draft.dateOfIssue.trim()} is after today (${today}): an imported record is one that already happened.`,
      source: sources.dateOfIssue,
    });
  const shipped = day(
    'shipDate',
    'ship date',
    record.shipDate,
    state === 'SHIPPED' || state === 'DELIVERED',
  );
  if (shipped !== null && state !== 'SHIPPED' && state !== 'DELIVERED' && state !== 'VOIDED')
    problems.push({
      field: 'shipDate',
      message: `The row gives a ship date, but its state is ${state}: a shipped certificate is SHIPPED or DELIVERED.`,
    });
  const delivered = day('deliveredDate', 'delivery date', record.deliveredDate, false);
  if (delivered !== null && state !== 'DELIVERED')
    problems.push({
      field: 'deliveredDate',
      message: `The row gives a delivery date, but its state is ${state}, not DELIVERED.`,
    });
  if (delivered !== null && shipped !== null && delivered < shipped)
    problems.push({
      field: 'deliveredDate',
      message: 'The delivery date is before the ship date.',
    });
  const voided = day('voidedDate', 'date voided', record.voidedDate, state === 'VOIDED');
  if (voided !== null && state !== 'VOIDED')
    problems.push({
      field: 'voidedDate',
      message: `The row gives a date voided, but its state is ${state}, not VOIDED.`,
    });
  return problems;
}

/** Every rule that applies to an imported record; `today` is the licensee's date, YYYY-MM-DD. */
export function checkHistoricalRecord(
  record: HistoricalRecord,
  settings: ValidationSettings,
  today: string,
): HistoricalCheck {
  const check = certificateProblems(record.draft, settings);
  check.errors.push(...lifecycleProblems(record, today));
  return check;
}
