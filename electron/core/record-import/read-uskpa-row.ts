// One row of USKPA's certificate export (its database's "Export" view: github.com/USKPA-dev/uskpa,
// kpc/views.py ExportView; the layout is USKPA_CSV_COLUMNS of reports/uskpa-certificates-csv.ts,
// which writes the same layout) read as a historical record. The layout has no column for the
// country of destination: KP Desk reads it from the consignee's address, whose end must name it
// (31 CFR 592.307(g); Census 2019), and says so when it cannot. Statuses are USKPA's labels
// (kpc/models.py, Certificate.STATUS_CHOICES): Available is a blank form, not a record, and is
// skipped; Prepared is an issued certificate, unless the notes say it expired (what KP Desk's
// own export writes for an EXPIRED certificate).
import { normalizeCertificateNumber } from '../../../shared/domain/certificate-number';
import { CertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import { addressCountry } from '../../../shared/domain/country-in-address';
import { isIsoCountry } from '../../../shared/reference/reference-data';
import type { HistoricalRecord, HistoricalState } from '../../../shared/records/historical-record';
import type { RowProblem } from './import-outcome';

/** The USKPA column each field of a finding points at. */
export const uskpaColumnOfField: Readonly<Record<string, string>> = {
  number: 'number',
  itn: 'AES',
  countryOfOrigin: 'Country of Origin',
  dateOfIssue: 'date of issue',
  dateOfExpiry: 'date of expiry',
  exportDate: 'date of shipment',
  shipDate: 'date of shipment',
  deliveredDate: 'date of delivery',
  voidedDate: 'date voided',
  voidReason: 'notes',
  state: 'status',
  'exporter.name': 'exporter',
  'exporter.address': 'exporter address',
  'consignee.name': 'consignee',
  'consignee.address': 'consignee address',
  destinationCountry: 'consignee address',
  carats: 'carat weight',
  valueUsd: 'shipped value',
  parcels: 'number of parcels',
  hsCodes: 'harmonized_code__value',
};

export const uskpaColumn = (field: string): string => uskpaColumnOfField[field] ?? field;

const STATES: Readonly<Record<string, HistoricalState | 'skip'>> = {
  available: 'skip',
  prepared: 'ISSUED',
  shipped: 'SHIPPED',
  delivered: 'DELIVERED',
  void: 'VOIDED',
};

/** USKPA writes dates as MM/DD/YYYY (its _to_mdy); ISO dates are read as they are. */
function isoDate(text: string): string {
  const trimmed = text.trim();
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (mdy === null) return trimmed;
  const [, month = '', day = '', year = ''] = mdy;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The origin by name as USKPA writes it ("Belgium"), or a code, or "****" (mixed). */
function originCode(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '****' || isIsoCountry(trimmed.toUpperCase()))
    return trimmed.toUpperCase();
  return addressCountry(trimmed)?.iso2 ?? trimmed;
}

export type UskpaReading =
  | { kind: 'record'; record: HistoricalRecord; number: string }
  | { kind: 'skip'; number: string | null; reason: string }
  | { kind: 'problems'; number: string | null; problems: RowProblem[] };

export function readUskpaRow(cells: Readonly<Record<string, string>>): UskpaReading {
  const cell = (column: string): string => cells[column] ?? '';
  const typed = normalizeCertificateNumber(cell('number'));
  // USKPA keeps the number as an integer; its screens and KP Desk's export write "US" first.
  const number = /^\d+$/.test(typed) ? `US${typed}` : typed;
  const named = number === '' ? null : number;
  const status = cell('status').trim();
  const state = STATES[status.toLowerCase()];
  if (state === 'skip')
    return {
      kind: 'skip',
      number: named,
      reason: `USKPA's status "${status}" is a blank form, not an issued certificate: register blank forms with kpdesk stock add.`,
    };
  if (state === undefined)
    return {
      kind: 'problems',
      number: named,
      problems: [
        {
          field: 'status',
          message: `"${status}" is not one of USKPA's statuses (Available, Prepared, Shipped, Delivered, Void).`,
        },
      ],
    };
  const notes = cell('notes').trim();
  const consigneeAddress = cell('consignee address');
  const destination = addressCountry(consigneeAddress)?.iso2 ?? '';
  const shipDate = isoDate(cell('date of shipment'));
  const parsed = CertificateDraftSchema.safeParse({
    number,
    countryOfOrigin: originCode(cell('Country of Origin')),
    dateOfIssue: isoDate(cell('date of issue')),
    dateOfExpiry: isoDate(cell('date of expiry')),
    exportDate: shipDate,
    exporter: { name: cell('exporter'), address: cell('exporter address') },
    consignee: { name: cell('consignee'), address: consigneeAddress },
    destinationCountry: destination,
    carats: cell('carat weight').trim(),
    valueUsd: cell('shipped value').trim(),
    parcels: cell('number of parcels').trim(),
    hsCodes:
      cell('harmonized_code__value').trim() === '' ? [] : [cell('harmonized_code__value').trim()],
    itn: cell('AES').trim(),
  });
  if (!parsed.success)
    return {
      kind: 'problems',
      number: named,
      problems: parsed.error.issues.map((issue) => ({
        field: uskpaColumn(issue.path.join('.')),
        message: issue.message,
      })),
    };
  if (destination === '' && consigneeAddress.trim() !== '')
    return {
      kind: 'problems',
      number: named,
      problems: [
        {
          field: 'consignee address',
          message:
            "The consignee address does not end with a country. USKPA's layout has no column for the country of destination, so KP Desk reads it from the end of the consignee address; add the country there.",
          source: '31 CFR 592.307(g); Census 2019 licensee guidance',
        },
      ],
    };
  const expired = state === 'ISSUED' && /^expired\b/i.test(notes);
  const voidReason = notes.replace(/^voided:\s*/i, '');
  return {
    kind: 'record',
    number,
    record: {
      draft: parsed.data,
      state: expired ? 'EXPIRED' : state,
      shipDate: shipDate === '' ? null : shipDate,
      deliveredDate:
        cell('date of delivery').trim() === '' ? null : isoDate(cell('date of delivery')),
      voidedDate: cell('date voided').trim() === '' ? null : isoDate(cell('date voided')),
      voidReason: state === 'VOIDED' ? (voidReason === '' ? null : voidReason) : null,
      // USKPA's notes hold the void reason; other notes have no place in KP Desk's record (the
      // row's digest in record_imports still vouches for what the file said).
      voidNotes: null,
      packaging: null,
      warranty: null,
    },
  };
}
