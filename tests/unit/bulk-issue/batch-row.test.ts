// One batch row: CSV cells to the row schema, the row to the certificate draft, the refusal of a
// row naming its batch column.
import { describe, expect, it } from 'vitest';
import { certificateOfRow, readBatchRow } from '../../../electron/core/bulk-issue/check-batch-row';
import type { IssueRequest } from '../../../electron/core/issuance/issue-in-one-step';
import { checkIssue } from '../../../electron/core/issuance/issue-in-one-step';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';
import { batchRowFromCsvCells, draftOfBatchRow } from '../../../shared/records/issue-batch-row';
import type { BatchRow } from '../../../shared/records/issue-batch-row';

const cells = {
  reference: ' SHP-1 ',
  countryOfOrigin: 'CD',
  dateOfIssue: '2026-11-27',
  dateOfExpiry: '2027-01-26',
  exportDate: '2026-11-28',
  exporterName: 'Hudson Rough Diamond Trading LLC',
  exporterAddress: '580 Fifth Avenue, New York, NY 10036, United States',
  consigneeName: 'Schupstraat Diamonds BV',
  consigneeAddress: 'Schupstraat 21, 2018 Antwerp, Belgium',
  destinationCountry: 'BE',
  carats: '12.50',
  valueUsd: '15000.00',
  parcels: '2',
  hsCode: '7102.31',
  itn: 'X20261127123456',
  fromForeignTradeZone: '',
  packaging: 'Sealed box',
  sealNumbers: ' S-1 ;; S-2 ',
  warranty: 'Conflict-free.',
  invoiceNumbers: '',
};
// What the check reads, as the vault would give it: the default rules, the day of the rows, a
// carrier licensee (it issues for third-party exporters), no number received on an import.
const context = {
  settings: defaultValidationSettings,
  now: () => new Date('2026-11-27T10:00:00.000Z'),
  isImportCertificateNumber: () => false,
  repos: {
    licensee: { facts: () => ({ name: 'Atlas Secure Logistics Inc.', isCommonCarrier: true }) },
  },
};
const check = (request: IssueRequest) => checkIssue(context, request);

function rowOf(changes: Record<string, string> = {}): BatchRow {
  const read = readBatchRow({ row: 1, line: 2, cells: { ...cells, ...changes } }, 'csv', new Map());
  if (!read.ok) throw new Error(JSON.stringify(read.outcome));
  return read.row;
}

describe('batch rows', () => {
  it('reads CSV cells: trimmed reference, ";" lists, the FTZ flag in words', () => {
    const row = rowOf();
    expect(row).toMatchObject({
      reference: 'SHP-1',
      sealNumbers: ['S-1', 'S-2'],
      invoiceNumbers: [],
    });
    expect(row.fromForeignTradeZone).toBe(false);
    expect(batchRowFromCsvCells({ fromForeignTradeZone: 'Yes' })).toEqual({
      fromForeignTradeZone: true,
    });
    expect(batchRowFromCsvCells({ fromForeignTradeZone: 'sometimes' })).toEqual({
      fromForeignTradeZone: 'sometimes',
    });
  });

  it('makes the draft a certificate file would hold; the AES entry only when one was given', () => {
    expect(draftOfBatchRow(rowOf(), 'US10000')).toMatchObject({
      number: 'US10000',
      exporter: { name: 'Hudson Rough Diamond Trading LLC' },
      hsCodes: ['7102.31'],
    });
    expect(draftOfBatchRow(rowOf(), 'US10000').aes).toBeUndefined();
    expect(draftOfBatchRow(rowOf({ aesLicenseNumber: '10001' }), 'US10000').aes).toMatchObject({
      licenseNumber: '10001',
      fromForeignTradeZone: false,
    });
    expect(certificateOfRow(check, rowOf(), 'US10000').ok).toBe(true);
  });

  it('refuses by batch column: rules with their source, missing fields, a reference twice', () => {
    const checked = certificateOfRow(
      check,
      rowOf({ aesLicenseNumber: '10001', hsCode: '' }),
      'US10000',
    );
    expect(checked.ok).toBe(false);
    const fields = checked.ok ? [] : checked.problems.map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['aesLicenseNumber', 'hsCode']));
    expect(
      checked.ok ? [] : checked.problems.every((problem) => problem.source !== undefined),
    ).toBe(true);

    const missing = readBatchRow(
      { row: 4, line: 5, cells: { ...cells, packaging: ' ' } },
      'csv',
      new Map(),
    );
    expect(missing.ok ? null : missing.outcome).toMatchObject({
      row: 4,
      line: 5,
      reference: 'SHP-1',
      outcome: 'refused',
      code: 'INVALID_INPUT',
      field: 'packaging',
    });
    const seen = new Map([['SHP-1', 2]]);
    const twice = readBatchRow({ row: 9, line: null, cells: { ...cells } }, 'csv', seen);
    expect(twice.ok ? null : twice.outcome).toMatchObject({ code: 'CONFLICT', field: 'reference' });
  });
});
