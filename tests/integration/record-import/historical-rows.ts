// Historical records for the import tests and the bench: a deterministic set of certificates
// issued elsewhere, in KP Desk's bulk import layout (docs/import-format.md), with their states
// and original dates. Amounts are generated as integers (carat hundredths, cents) so that a test
// can total them independently of the vault.
import { formatIsoDate, parseIsoDate } from '../../../shared/domain/calendar-date';
import { csvLine } from '../../../electron/core/table-files/csv-cell';

export type HistoricalRow = {
  number: string;
  state: 'ISSUED' | 'SHIPPED' | 'DELIVERED' | 'VOIDED' | 'EXPIRED';
  dateOfIssue: string;
  hsCode: '7102.10' | '7102.21' | '7102.31';
  destination: 'BE' | 'AE' | 'IN';
  caratHundredths: number;
  valueCents: number;
};

const DESTINATIONS = [
  { code: 'BE', name: 'Schupstraat Diamonds BV', address: 'Schupstraat 21, 2018 Antwerp, Belgium' },
  {
    code: 'AE',
    name: 'Dubai Rough DMCC',
    address: 'Almas Tower, Jumeirah Lakes Towers, Dubai, United Arab Emirates',
  },
  { code: 'IN', name: 'Surat Rough Pvt Ltd', address: 'Varachha Road, Surat 395006, India' },
] as const;
const HS = ['7102.10', '7102.21', '7102.31'] as const;
const STATES = ['DELIVERED', 'SHIPPED', 'DELIVERED', 'VOIDED', 'ISSUED', 'EXPIRED'] as const;

/** `count` records numbered from `first`, issued on days from 2016-01-04 on. */
export function historicalRows(count: number, first = 500000): HistoricalRow[] {
  const start = parseIsoDate('2016-01-04') ?? 0;
  return Array.from({ length: count }, (_, i) => {
    const hsCode = HS[i % 3] ?? '7102.31';
    return {
      number: `US${String(first + i)}`,
      state: STATES[i % STATES.length] ?? 'DELIVERED',
      dateOfIssue: formatIsoDate(start + (i % 3000)),
      hsCode,
      destination: DESTINATIONS[i % 3]?.code ?? 'BE',
      // 7102.21 (industrial) is cheap per carat; the value stays within the plausible range.
      caratHundredths: 100 + ((i * 37) % 5000),
      valueCents: (100 + ((i * 37) % 5000)) * (hsCode === '7102.21' ? 20 : 300) + (i % 100),
    };
  });
}

const decimal = (hundredths: number): string =>
  `${String(Math.floor(hundredths / 100))}.${String(hundredths % 100).padStart(2, '0')}`;

export const BULK_HEADER = [
  'number',
  'state',
  'countryOfOrigin',
  'dateOfIssue',
  'dateOfExpiry',
  'exportDate',
  'shipDate',
  'deliveredDate',
  'voidedDate',
  'voidReason',
  'exporterName',
  'exporterAddress',
  'consigneeName',
  'consigneeAddress',
  'destinationCountry',
  'carats',
  'valueUsd',
  'parcels',
  'hsCode',
  'itn',
];

export function bulkCells(row: HistoricalRow): string[] {
  const issued = parseIsoDate(row.dateOfIssue) ?? 0;
  const party = DESTINATIONS.find((d) => d.code === row.destination) ?? DESTINATIONS[0];
  const shipped = row.state === 'SHIPPED' || row.state === 'DELIVERED';
  const ship = formatIsoDate(issued + 1);
  return [
    row.number,
    row.state,
    'CD',
    row.dateOfIssue,
    formatIsoDate(issued + 60),
    shipped ? ship : '',
    shipped ? ship : '',
    row.state === 'DELIVERED' ? formatIsoDate(issued + 3) : '',
    row.state === 'VOIDED' ? formatIsoDate(issued + 2) : '',
    row.state === 'VOIDED' ? 'Customer canceled shipment' : '',
    'Hudson Rough Diamond Trading LLC',
    '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
    party.name,
    party.address,
    row.destination,
    decimal(row.caratHundredths),
    decimal(row.valueCents),
    '2',
    row.hsCode,
    `X${row.dateOfIssue.replaceAll('-', '')}${row.number.slice(2).padStart(6, '0')}`,
  ];
}

export function bulkCsv(rows: readonly HistoricalRow[]): string {
  let text = csvLine(BULK_HEADER);
  for (const row of rows) text += csvLine(bulkCells(row));
  return text;
}
