// The mistakes agencies see most (Census 2019 licensee guidance; CBP outreach; domain.md),
// each as a named case that the rules, the lifecycle or the duties must catch.
import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../../shared/domain/certificate';
import { outstandingDuties } from '../../../shared/domain/duties';
import { transition } from '../../../shared/domain/lifecycle';
import { compareWithRecord } from '../../../shared/domain/record-match';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import { draftWith, issueContext, validDraft } from './certificate-fixtures';

const codesFor = (patch: Parameters<typeof draftWith>[0], context = issueContext) =>
  validateCertificate(draftWith(patch), context).findings.map((f) => `${f.code}@${f.field}`);

describe('mistakes agencies see most', () => {
  it('KPC never sent to Census: a shipped certificate without a Census copy is flagged', () => {
    expect(
      outstandingDuties({ state: 'SHIPPED', uskpaReportedState: 'SHIPPED' }).map((d) => d.code),
    ).toEqual(['CENSUS_EXPORT_COPY_DUE']);
    expect(
      outstandingDuties({ state: 'VOIDED', uskpaReportedState: 'VOIDED' }).map((d) => d.code),
    ).toEqual(['CENSUS_VOID_COPY_DUE']);
    expect(
      outstandingDuties({
        state: 'SHIPPED',
        censusCopySentAt: '2026-11-28T10:00:00Z',
        uskpaReportedState: 'SHIPPED',
      }),
    ).toEqual([]);
  });

  it('ITN missing', () => expect(codesFor({ itn: '' })).toEqual(['ITN_MISSING@itn']));

  it('several HS codes on one certificate', () =>
    expect(codesFor({ hsCodes: ['7102.21', '7102.31'] })).toEqual(['HS_MULTIPLE@hsCodes']));
  it('several weights on one certificate', () =>
    expect(codesFor({ carats: '10.00, 2.50' })).toEqual(['CARATS_MULTIPLE@carats']));
  it('several values on one certificate', () =>
    expect(codesFor({ valueUsd: '10000 / 5000' })).toEqual(['VALUE_MULTIPLE@valueUsd']));

  it('several origins', () => {
    expect(codesFor({ countryOfOrigin: 'CD, ZA' })).toEqual(['ORIGIN_MULTIPLE@countryOfOrigin']);
    expect(codesFor({ countryOfOrigin: 'BW ZA' })).toEqual(['ORIGIN_MULTIPLE@countryOfOrigin']);
  });
  it('US as origin', () =>
    expect(codesFor({ countryOfOrigin: 'US' })).toEqual(['ORIGIN_US@countryOfOrigin']));

  it('destination country missing from the consignee address', () => {
    expect(codesFor({ consignee: { address: 'Hoveniersstraat 30\n2018 Antwerp' } })).toEqual([
      'CONSIGNEE_ADDRESS_NO_DESTINATION@consignee.address',
    ]);
  });
  it('country of origin put at the end of the consignee address', () => {
    expect(
      codesFor({ consignee: { address: 'Hoveniersstraat 30, 2018 Antwerp, Belgium\nDR Congo' } }),
    ).toEqual(['CONSIGNEE_ADDRESS_ENDS_WITH_ORIGIN@consignee.address']);
  });

  it('KP number mis-keyed in AES', () => {
    const aes = {
      licenseType: 'T12',
      licenseNumber: '12354',
      licenseValue: '15000.00',
      fromForeignTradeZone: false,
      ftzNumber: '',
    };
    expect(codesFor({ aes })).toEqual(['AES_LICENSE_NUMBER_MISMATCH@aes.licenseNumber']);
    const withPrefix = validateCertificate(
      draftWith({ aes: { ...aes, licenseNumber: 'US12345' } }),
      issueContext,
    ).findings;
    expect(withPrefix.map((f) => f.code)).toEqual(['AES_LICENSE_NUMBER_MISMATCH']);
    expect(withPrefix[0]?.message).toContain('without "US"');
  });

  it('FTZ number missing', () => {
    const aes = {
      licenseType: 'T12',
      licenseNumber: '12345',
      licenseValue: '15000.00',
      fromForeignTradeZone: true,
      ftzNumber: '',
    };
    expect(codesFor({ aes })).toEqual(['FTZ_NUMBER_MISSING@aes.ftzNumber']);
  });

  it('an import KPC number reused for an export', () => {
    expect(codesFor({ number: 'BE0123456' })).toEqual(['NUMBER_NOT_US@number']);
    const context = { ...issueContext, importCertificateNumbers: new Set(['US12345']) };
    expect(codesFor({}, context)).toEqual(['NUMBER_IS_IMPORT_CERTIFICATE@number']);
  });

  it('issued certificates never reported to USKPA', () => {
    expect(outstandingDuties({ state: 'ISSUED' }).map((d) => d.code)).toEqual(['USKPA_REPORT_DUE']);
    expect(
      outstandingDuties({
        state: 'SHIPPED',
        censusCopySentAt: 'x',
        uskpaReportedState: 'ISSUED',
      }).map((d) => d.code),
    ).toEqual(['USKPA_STATUS_OUTDATED']);
    expect(outstandingDuties({ state: 'DRAFT' })).toEqual([]);
  });

  it('USKPA record not matching the paper', () => {
    const paper = readCertificate(validDraft(), issueContext).certificate!;
    const record = readCertificate(
      draftWith({ carats: '12.05', number: 'US 12345' }),
      issueContext,
    ).certificate!;
    expect(compareWithRecord(paper, record)).toEqual([
      { field: 'caratHundredths', paper: '1250', record: '1205' },
    ]);
  });

  it('customer returns shipped on the old certificate', () => {
    const again = {
      type: 'ship',
      shipDate: '2026-12-10',
      dateOfIssue: '2026-11-27',
      dateOfExpiry: '2027-01-26',
    } as const;
    for (const state of ['SHIPPED', 'DELIVERED'] as const) {
      const result = transition(state, again);
      expect(result.ok ? null : result.error.refusal).toBe('ALREADY_SHIPPED');
    }
  });

  it('an expired certificate used', () => {
    const late = transition('ISSUED', {
      type: 'ship',
      shipDate: '2027-01-27',
      dateOfIssue: '2026-11-27',
      dateOfExpiry: '2027-01-26',
    });
    expect(late.ok ? null : late.error.refusal).toBe('CERTIFICATE_EXPIRED');
    const expired = transition('EXPIRED', {
      type: 'ship',
      shipDate: '2026-12-01',
      dateOfIssue: '2026-11-27',
      dateOfExpiry: '2027-01-26',
    });
    expect(expired.ok ? null : expired.error.refusal).toBe('CERTIFICATE_EXPIRED');
    expect(codesFor({ exportDate: '2027-02-01' })).toContain('EXPORT_AFTER_EXPIRY@exportDate');
  });
});
