// The certificates row and the record the app works with. The draft is stored whole as canonical
// JSON (draft_json); the columns next to it are derived from it on every write, for search, lists
// and reports, and are never written on their own.
import type { CertificateDraft } from '../../../../shared/domain/certificate-draft';
import { parseIsoDate } from '../../../../shared/domain/calendar-date';
import { readHundredths } from '../../../../shared/domain/decimal';
import { normalizeItn } from '../../../../shared/domain/itn';
import type { CertificateState } from '../../../../shared/domain/lifecycle';
import { normalizeHsCode } from '../../../../shared/domain/rules/hs-code-rules';
import type { StoredPackaging, StoredWarranty } from '../../../../shared/records/record-outputs';
import type { CanonicalValue } from '../audit/canonical-json';
import { canonicalJson } from '../audit/canonical-json';

export type StoredState = Exclude<CertificateState, 'IN_STOCK'>;

export type CertificateRow = {
  id: number;
  number: string;
  state: StoredState;
  draft_json: string;
  exporter_name: string;
  consignee_name: string;
  destination_country: string;
  hs_code: string;
  itn: string | null;
  date_of_issue: string | null;
  carat_hundredths: number | null;
  value_cents: number | null;
  packaging_json: string;
  warranty_json: string;
  attested_by: number | null;
  issued_at: string | null;
  ship_date: string | null;
  delivered_at: string | null;
  import_confirmed: number;
  void_reason: string | null;
  void_notes: string | null;
  voided_at: string | null;
  expired_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

/** Lifecycle facts set by the issuance service, beside the draft. */
export type LifecycleColumns = {
  state: StoredState;
  packaging: CanonicalValue;
  warranty: CanonicalValue;
  attestedBy: number | null;
  issuedAt: string | null;
  shipDate: string | null;
  deliveredAt: string | null;
  importConfirmed: boolean;
  voidReason: string | null;
  voidNotes: string | null;
  voidedAt: string | null;
  expiredAt: string | null;
};

export type CertificateRecord = Omit<LifecycleColumns, 'packaging' | 'warranty'> & {
  packaging: StoredPackaging;
  warranty: StoredWarranty;
  id: number;
  number: string;
  draft: CertificateDraft;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type CertificateSummary = {
  id: number;
  number: string;
  state: StoredState;
  exporterName: string;
  consigneeName: string;
  destinationCountry: string;
  hsCode: string;
  itn: string | null;
  dateOfIssue: string | null;
  /** When it was issued; null for a draft (its date of issue is only planned). */
  issuedAt: string | null;
  caratHundredths: number | null;
  valueCents: number | null;
  version: number;
};

const amount = (text: string): number | null => {
  const reading = readHundredths(text);
  return reading.kind === 'ok' ? reading.hundredths : null;
};

/** The columns derived from a draft (named parameters of the insert and update statements). */
export function derivedColumns(draft: CertificateDraft) {
  const itn = normalizeItn(draft.itn);
  const dateOfIssue = draft.dateOfIssue.trim();
  return {
    draft_json: canonicalJson(draft),
    exporter_name: draft.exporter.name.trim(),
    consignee_name: draft.consignee.name.trim(),
    destination_country: draft.destinationCountry.trim().toUpperCase(),
    hs_code: normalizeHsCode(draft.hsCodes[0] ?? ''),
    itn: itn === '' ? null : itn,
    // Only a real date is ordered by; what is typed stays in the draft.
    date_of_issue: parseIsoDate(dateOfIssue) === null ? null : dateOfIssue,
    carat_hundredths: amount(draft.carats),
    value_cents: amount(draft.valueUsd),
  };
}

export function lifecycleParams(columns: LifecycleColumns) {
  return {
    state: columns.state,
    packaging_json: canonicalJson(columns.packaging),
    warranty_json: canonicalJson(columns.warranty),
    attested_by: columns.attestedBy,
    issued_at: columns.issuedAt,
    ship_date: columns.shipDate,
    delivered_at: columns.deliveredAt,
    import_confirmed: columns.importConfirmed ? 1 : 0,
    void_reason: columns.voidReason,
    void_notes: columns.voidNotes,
    voided_at: columns.voidedAt,
    expired_at: columns.expiredAt,
  };
}

// The JSON columns are read back without a second zod parse: only this repository writes them,
// from values the issuance service has already parsed (derivedColumns, lifecycleParams), and a
// row changed behind the app's back is the audit chain's to find (its digest no longer matches).
// Records leaving the core are parsed again at the IPC boundary (CertificateRecordSchema). A
// migration that changes the draft's shape must rewrite draft_json (a data-moving migration).
export function toRecord(row: CertificateRow): CertificateRecord {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    draft: JSON.parse(row.draft_json) as CertificateDraft,
    packaging: JSON.parse(row.packaging_json) as StoredPackaging,
    warranty: JSON.parse(row.warranty_json) as StoredWarranty,
    attestedBy: row.attested_by,
    issuedAt: row.issued_at,
    shipDate: row.ship_date,
    deliveredAt: row.delivered_at,
    importConfirmed: row.import_confirmed === 1,
    voidReason: row.void_reason,
    voidNotes: row.void_notes,
    voidedAt: row.voided_at,
    expiredAt: row.expired_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toSummary(row: CertificateRow): CertificateSummary {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    exporterName: row.exporter_name,
    consigneeName: row.consignee_name,
    destinationCountry: row.destination_country,
    hsCode: row.hs_code,
    itn: row.itn,
    dateOfIssue: row.date_of_issue,
    issuedAt: row.issued_at,
    caratHundredths: row.carat_hundredths,
    valueCents: row.value_cents,
    version: row.version,
  };
}

/**
 * The record of a row just inserted, from the values written and the table's defaults (0010:
 * packaging and warranty '{}', import_confirmed 0, version 1, every lifecycle column NULL),
 * without reading it back.
 */
export function insertedRecord(
  id: number,
  number: string,
  state: StoredState,
  draftJson: string,
  at: string,
): CertificateRecord {
  return {
    id,
    number,
    state,
    draft: JSON.parse(draftJson) as CertificateDraft,
    packaging: {},
    warranty: {},
    attestedBy: null,
    issuedAt: null,
    shipDate: null,
    deliveredAt: null,
    importConfirmed: false,
    voidReason: null,
    voidNotes: null,
    voidedAt: null,
    expiredAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}
