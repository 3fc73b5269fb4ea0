// The certificates of a period in the USKPA database's own CSV layout, so a reviewer can set a
// licensee's records beside USKPA's export column for column. The layout is USKPA's "Export"
// view of its certificate database (open source: github.com/USKPA-dev/uskpa, kpc/views.py,
// class ExportView, at commit 6ce6b1c15b9b8d207837cb0c4535acec4799b0a0): its `columns` list in
// that order, each header as django-queryset-csv 1.1.0 writes it (a field's verbose_name, which
// Django derives from the name with spaces; a related lookup such as "licensee__name" as it is
// written), certificate numbers as "US" + digits, dates as MM/DD/YYYY (its _to_mdy),
// last_modified as "%m/%d/%Y %X %Z", the country of origin by name, statuses by their label
// (kpc/models.py, Certificate.STATUS_CHOICES), and a UTF-8 byte-order mark first, as that
// library writes one for Excel. Cells are RFC 4180 and formula-safe (table-files/csv-cell.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { StoredCertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import { countryName } from '../../../shared/reference/reference-data';
import type { StatisticsPeriod } from '../../../shared/reports/statistics-period';
import { csvLine } from '../table-files/csv-cell';
import { licenseeLocalDate } from '../issuance/licensee-local-date';

export const USKPA_CSV_COLUMNS = [
  'number',
  'AES',
  'licensee__name',
  'status',
  'last modified',
  'date of sale',
  'date of issue',
  'date of expiry',
  'date of shipment',
  'date of delivery',
  'date voided',
  'Country of Origin',
  'shipped value',
  'number of parcels',
  'carat weight',
  'harmonized_code__value',
  'exporter',
  'exporter address',
  'consignee',
  'consignee address',
  'port_of_export__name',
  'notes',
] as const;

/** USKPA's statuses (Available, Prepared, Shipped, Delivered, Void) for the states KP Desk
 * reports. USKPA has no "expired": an issued certificate never shipped stays "Prepared" there,
 * and the notes column says it expired. Drafts are not issued and are not listed (USKPA's
 * "Available" is a blank form). */
const USKPA_STATUS = {
  ISSUED: 'Prepared',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  VOIDED: 'Void',
  EXPIRED: 'Prepared',
} as const;

type Row = {
  number: string;
  state: keyof typeof USKPA_STATUS;
  draft_json: string;
  itn: string | null;
  date_of_issue: string;
  updated_at: string;
  ship_date: string | null;
  delivered_at: string | null;
  voided_at: string | null;
  expired_at: string | null;
  void_reason: string | null;
};

const SQL = `SELECT number, state, draft_json, itn, date_of_issue, updated_at, ship_date,
    delivered_at, voided_at, expired_at, void_reason
  FROM certificates
  WHERE date_of_issue BETWEEN @from AND @to
    AND state IN ('ISSUED', 'SHIPPED', 'DELIVERED', 'VOIDED', 'EXPIRED')
  ORDER BY number`;

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date (YYYY-MM-DD) or an instant (ISO 8601, shown on the licensee's day). */
function mdy(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const day = value.includes('T') ? licenseeLocalDate(new Date(value)) : value.slice(0, 10);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match === null ? value : `${match[2] ?? ''}/${match[3] ?? ''}/${match[1] ?? ''}`;
}

/** Django's "%m/%d/%Y %X %Z" of a UTC instant (USE_TZ stores UTC). */
function lastModified(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return (
    `${pad(when.getUTCMonth() + 1)}/${pad(when.getUTCDate())}/${String(when.getUTCFullYear())} ` +
    `${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}:${pad(when.getUTCSeconds())} UTC`
  );
}

function notes(row: Row): string {
  if (row.state === 'EXPIRED')
    return `Expired ${mdy(row.expired_at)} without being shipped (KP Desk state EXPIRED).`;
  if (row.state === 'VOIDED' && row.void_reason !== null) return `Voided: ${row.void_reason}`;
  return '';
}

function cells(row: Row, licensee: string): string[] {
  const draft = StoredCertificateDraftSchema.parse(JSON.parse(row.draft_json));
  const origin = draft.countryOfOrigin;
  return [
    row.number,
    row.itn ?? '',
    licensee,
    USKPA_STATUS[row.state],
    lastModified(row.updated_at),
    // The day USKPA sold the blank form to the licensee: USKPA's own record, not kept here.
    '',
    mdy(row.date_of_issue),
    mdy(draft.dateOfExpiry),
    mdy(row.ship_date),
    mdy(row.delivered_at),
    mdy(row.voided_at),
    countryName(origin) ?? origin,
    draft.valueUsd,
    draft.parcels,
    draft.carats,
    draft.hsCodes.join(' '),
    draft.exporter.name,
    draft.exporter.address,
    draft.consignee.name,
    draft.consignee.address,
    // USKPA records the US port of export; the KP certificate has no such box, so KP Desk
    // does not keep it.
    '',
    notes(row),
  ];
}

/** The CSV text: BOM, header row, one row per certificate issued in the period, by number. */
export function uskpaCertificatesCsv(db: Database, period: StatisticsPeriod): string {
  const licensee =
    db.prepare<[], string>('SELECT legal_name FROM licensee WHERE id = 1').pluck().get() ?? '';
  const rows = db.prepare<[{ from: string; to: string }], Row>(SQL).all(period);
  let text = `\ufeff${csvLine(USKPA_CSV_COLUMNS)}`;
  for (const row of rows) text += csvLine(cells(row, licensee));
  return text;
}
