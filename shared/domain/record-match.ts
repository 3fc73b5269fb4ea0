// The USKPA record (or any other copy: the vault, the QR seal) must match the paper certificate
// field for field; a mismatch is one of the mistakes agencies see most (Census 2019). Compares
// exact values, so "12.5" and "12.50" carats match and "US 12345" and "US12345" do too.
import type { Certificate } from './certificate';

export type RecordMismatch = {
  field:
    | keyof Certificate
    | 'exporter.name'
    | 'exporter.address'
    | 'consignee.name'
    | 'consignee.address';
  paper: string;
  record: string;
};

export function compareWithRecord(paper: Certificate, record: Certificate): RecordMismatch[] {
  const pairs: [RecordMismatch['field'], string | number, string | number][] = [
    ['number', paper.number, record.number],
    ['countryOfOrigin', paper.countryOfOrigin, record.countryOfOrigin],
    ['dateOfIssue', paper.dateOfIssue, record.dateOfIssue],
    ['dateOfExpiry', paper.dateOfExpiry, record.dateOfExpiry],
    ['exporter.name', paper.exporter.name, record.exporter.name],
    ['exporter.address', paper.exporter.address, record.exporter.address],
    ['consignee.name', paper.consignee.name, record.consignee.name],
    ['consignee.address', paper.consignee.address, record.consignee.address],
    ['destinationCountry', paper.destinationCountry, record.destinationCountry],
    ['caratHundredths', paper.caratHundredths, record.caratHundredths],
    ['valueCents', paper.valueCents, record.valueCents],
    ['parcels', paper.parcels, record.parcels],
    ['hsCode', paper.hsCode, record.hsCode],
    ['itn', paper.itn, record.itn],
  ];
  return pairs
    .filter(([, a, b]) => a !== b)
    .map(([field, a, b]) => ({ field, paper: String(a), record: String(b) }));
}
