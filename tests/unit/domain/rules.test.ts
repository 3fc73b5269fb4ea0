// One named case per rule of shared/domain (31 CFR 592.307 elements, Census 2019 guidance).
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/domain/finding';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import type { ValidationContext } from '../../../shared/domain/validation-report';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';
import { draftContext, draftWith, issueContext, validDraft } from './certificate-fixtures';

type Patch = Parameters<typeof draftWith>[0];

function findings(patch: Patch, context: ValidationContext = issueContext): Finding[] {
  return validateCertificate(draftWith(patch), context).findings;
}

/** Exactly one finding, with this code, on this field, at this severity, citing a source. */
function expectOnly(
  patch: Patch,
  code: string,
  field: string,
  severity = 'error',
  context?: ValidationContext,
) {
  const found = findings(patch, context);
  expect(found.map((f) => [f.code, f.field, f.severity])).toEqual([[code, field, severity]]);
  const [only] = found;
  expect(only?.message.length).toBeGreaterThan(20);
  expect(only?.source).toMatch(/CFR|Census|USKPA|E\.O\./);
  return only!;
}

describe('a valid certificate', () => {
  it('has no findings, for issuing and for a draft', () => {
    expect(validateCertificate(validDraft(), issueContext).findings).toEqual([]);
    expect(validateCertificate(validDraft(), draftContext).findings).toEqual([]);
  });
});

describe('number (31 CFR 592.307(c))', () => {
  it('is required', () => expectOnly({ number: '' }, 'NUMBER_MISSING', 'number'));
  it('needs at least five digits', () =>
    void expectOnly({ number: 'US1234' }, 'NUMBER_FORMAT', 'number'));
  it('must be digits after US', () =>
    void expectOnly({ number: 'US12A45' }, 'NUMBER_FORMAT', 'number'));
  it('has no zero padding', () => {
    expect(expectOnly({ number: 'US0012345' }, 'NUMBER_ZERO_PADDED', 'number').message).toContain(
      'US12345',
    );
  });
  it('rejects another country prefix', () =>
    void expectOnly({ number: 'BE123456' }, 'NUMBER_NOT_US', 'number'));
  it('accepts spaces and lower case as typed', () =>
    expect(findings({ number: ' us 123456 ' })).toEqual([]));
  it('accepts long numbers', () => expect(findings({ number: 'US1234567890' })).toEqual([]));
  it('is never used twice', () => {
    const context = { ...issueContext, usedNumbers: new Set(['US12345']) };
    expectOnly({}, 'NUMBER_ALREADY_USED', 'number', 'error', context);
  });
});

describe('country of origin (31 CFR 592.307(b))', () => {
  it('is required', () =>
    void expectOnly({ countryOfOrigin: '' }, 'ORIGIN_MISSING', 'countryOfOrigin'));
  it('accepts **** for mixed origin', () =>
    expect(findings({ countryOfOrigin: '****' })).toEqual([]));
  it('rejects other runs of asterisks', () =>
    void expectOnly({ countryOfOrigin: '***' }, 'ORIGIN_UNKNOWN', 'countryOfOrigin'));
  it('is never US without a domestic-recovery declaration', () => {
    expect(expectOnly({ countryOfOrigin: 'US' }, 'ORIGIN_US', 'countryOfOrigin').source).toBe(
      '31 CFR 592.307(b); Census 2019 licensee guidance',
    );
  });
  it('must be a real ISO code', () =>
    void expectOnly({ countryOfOrigin: 'XX' }, 'ORIGIN_UNKNOWN', 'countryOfOrigin'));
  it('must be a KP Participant', () =>
    void expectOnly({ countryOfOrigin: 'KE' }, 'ORIGIN_NOT_PARTICIPANT', 'countryOfOrigin'));
  it('accepts an EU member state (the EU is one Participant)', () =>
    expect(findings({ countryOfOrigin: 'fi' })).toEqual([]));
});

describe('dates (31 CFR 592.307(d)-(e))', () => {
  it('requires the date of issue', () =>
    void expectOnly({ dateOfIssue: '' }, 'ISSUE_DATE_MISSING', 'dateOfIssue'));
  it('requires a real date of issue', () =>
    void expectOnly({ dateOfIssue: '2026-02-30' }, 'ISSUE_DATE_INVALID', 'dateOfIssue'));
  it('requires the date of expiry', () =>
    void expectOnly({ dateOfExpiry: '' }, 'EXPIRY_DATE_MISSING', 'dateOfExpiry'));
  it('requires a real date of expiry', () =>
    void expectOnly({ dateOfExpiry: '27/01/2027' }, 'EXPIRY_DATE_INVALID', 'dateOfExpiry'));
  it('puts expiry after issue', () =>
    void expectOnly({ dateOfExpiry: '2026-11-27' }, 'EXPIRY_NOT_AFTER_ISSUE', 'dateOfExpiry'));
  it('allows exactly 60 days', () => expect(findings({ dateOfExpiry: '2027-01-26' })).toEqual([]));
  it('refuses 61 days and names the latest date', () => {
    expect(
      expectOnly({ dateOfExpiry: '2027-01-27' }, 'EXPIRY_TOO_LATE', 'dateOfExpiry').message,
    ).toContain('2027-01-26');
  });
  it('refuses 90 days', () =>
    void expectOnly({ dateOfExpiry: '2027-02-25' }, 'EXPIRY_TOO_LATE', 'dateOfExpiry'));
  it('takes the limit from the settings', () => {
    const context = {
      ...issueContext,
      settings: { ...defaultValidationSettings, expiryMaxDays: 30 },
    };
    expectOnly(
      { dateOfExpiry: '2027-01-26', exportDate: '2026-11-28' },
      'EXPIRY_TOO_LATE',
      'dateOfExpiry',
      'error',
      context,
    );
  });
  it('issues on or before the planned export date', () =>
    void expectOnly(
      { dateOfIssue: '2026-11-29', dateOfExpiry: '2027-01-27', itn: 'X20261128123456' },
      'ISSUE_AFTER_EXPORT',
      'dateOfIssue',
    ));
  it('allows issuing on the export date', () =>
    expect(findings({ exportDate: '2026-11-27' })).toEqual([]));
  it('requires the planned export date to issue, warns in a draft', () => {
    expectOnly({ exportDate: '' }, 'EXPORT_DATE_MISSING', 'exportDate');
    expectOnly({ exportDate: '' }, 'EXPORT_DATE_MISSING', 'exportDate', 'warning', draftContext);
  });
  it('requires a real export date', () =>
    void expectOnly({ exportDate: '2026-11-31' }, 'EXPORT_DATE_INVALID', 'exportDate'));
  it('refuses an export after expiry', () =>
    void expectOnly({ exportDate: '2027-01-27' }, 'EXPORT_AFTER_EXPIRY', 'exportDate'));
});

describe('exporter and ultimate consignee (31 CFR 592.307(g))', () => {
  it('requires the exporter name', () =>
    void expectOnly({ exporter: { name: ' ' } }, 'EXPORTER_NAME_MISSING', 'exporter.name'));
  it('requires the exporter address', () =>
    void expectOnly({ exporter: { address: '' } }, 'EXPORTER_ADDRESS_MISSING', 'exporter.address'));
  it('makes a non-carrier licensee its own exporter', () => {
    const context = {
      ...issueContext,
      licensee: { name: 'Arkansas State Parks', isCommonCarrier: false },
    };
    expectOnly({}, 'EXPORTER_NOT_LICENSEE', 'exporter.name', 'error', context);
    expect(findings({ exporter: { name: 'ARKANSAS STATE PARKS' } }, context)).toEqual([]);
  });
  it('lets a common carrier issue for a third-party exporter', () => {
    const context = {
      ...issueContext,
      licensee: { name: 'Malca-Amit USA LLC', isCommonCarrier: true },
    };
    expect(findings({}, context)).toEqual([]);
  });
  it('requires the consignee name', () =>
    void expectOnly({ consignee: { name: '' } }, 'CONSIGNEE_NAME_MISSING', 'consignee.name'));
  it('requires the consignee address', () =>
    void expectOnly(
      { consignee: { address: '' } },
      'CONSIGNEE_ADDRESS_MISSING',
      'consignee.address',
    ));
  it('requires the destination', () =>
    void expectOnly({ destinationCountry: '' }, 'DESTINATION_MISSING', 'destinationCountry'));
  it('requires a real destination code', () =>
    void expectOnly(
      { destinationCountry: 'Belgium' },
      'DESTINATION_UNKNOWN',
      'destinationCountry',
    ));
  it('never exports to the US', () => {
    const found = findings({ destinationCountry: 'US', consignee: { address: 'New York, USA' } });
    expect(found.map((f) => f.code)).toEqual(['DESTINATION_US']);
  });
  it('exports only to a KP Participant', () => {
    const found = findings({ destinationCountry: 'KE', consignee: { address: 'Nairobi, Kenya' } });
    expect(found.map((f) => [f.code, f.field, f.source])).toEqual([
      [
        'DESTINATION_NOT_PARTICIPANT',
        'destinationCountry',
        '31 CFR 592.201; 592.308 (Participant)',
      ],
    ]);
  });
  it('refuses Russia and warns about Belarus as destination (separate US measures)', () => {
    expectOnly(
      { destinationCountry: 'RU', consignee: { address: 'Moscow, Russia' } },
      'DESTINATION_SANCTIONS',
      'destinationCountry',
      'error',
    );
    expectOnly(
      { destinationCountry: 'BY', consignee: { address: 'Minsk, Belarus' } },
      'DESTINATION_SANCTIONS',
      'destinationCountry',
      'warning',
    );
  });
  it('accepts common names of the destination in the address', () => {
    expect(
      findings({ destinationCountry: 'AE', consignee: { address: 'Almas Tower, Dubai, UAE' } }),
    ).toEqual([]);
    expect(
      findings({ destinationCountry: 'CI', consignee: { address: 'Abidjan, Côte d’Ivoire' } }),
    ).toEqual([]);
    expect(
      findings({
        destinationCountry: 'GB',
        consignee: { address: '17 Charterhouse St, London, U.K.' },
      }),
    ).toEqual([]);
  });
});

describe('carats, value, parcels (31 CFR 592.307(h)-(j))', () => {
  it('requires carats', () => expectOnly({ carats: '' }, 'CARATS_MISSING', 'carats'));
  it('needs a number', () => expectOnly({ carats: 'twelve' }, 'CARATS_FORMAT', 'carats'));
  it('has at most two decimals, never rounded', () =>
    void expectOnly({ carats: '12.505' }, 'CARATS_PRECISION', 'carats'));
  it('is at least 0.01', () => expectOnly({ carats: '0.00' }, 'CARATS_TOO_SMALL', 'carats'));
  it('accepts 0.01 and thousands separators', () => {
    expect(findings({ carats: '0.01', parcels: '1', valueUsd: '100.00' })).toEqual([]);
    expect(findings({ carats: '1,234.5' })).toEqual([]);
  });
  it('requires the value', () => expectOnly({ valueUsd: '' }, 'VALUE_MISSING', 'valueUsd'));
  it('needs a number for the value', () =>
    void expectOnly({ valueUsd: '15k' }, 'VALUE_FORMAT', 'valueUsd'));
  it('has at most two decimals in the value', () =>
    void expectOnly({ valueUsd: '15000.001' }, 'VALUE_PRECISION', 'valueUsd'));
  it('is more than zero', () =>
    void expectOnly({ valueUsd: '0' }, 'VALUE_NOT_POSITIVE', 'valueUsd'));
  it('accepts a $ sign', () => expect(findings({ valueUsd: '$15,000.00' })).toEqual([]));
  it('requires parcels', () => expectOnly({ parcels: '' }, 'PARCELS_MISSING', 'parcels'));
  it('needs whole parcels', () => expectOnly({ parcels: '1.5' }, 'PARCELS_FORMAT', 'parcels'));
  it('needs at least one parcel', () =>
    void expectOnly({ parcels: '0' }, 'PARCELS_TOO_FEW', 'parcels'));
  it('cannot have more parcels than hundredths of a carat', () =>
    void expectOnly(
      { carats: '0.02', parcels: '3', valueUsd: '20.00' },
      'PARCELS_EXCEED_CARATS',
      'parcels',
    ));
});

describe('HS code (31 CFR 592.307(k), 592.310)', () => {
  it('is required', () => expectOnly({ hsCodes: [] }, 'HS_MISSING', 'hsCodes'));
  // 1,250 ct for US$ 15,000 (US$ 12 per carat) is a usual price under each of the three codes.
  it.each(['7102.10', '7102.21', '7102.31', '710231', '7102.31.00.00'])('accepts %s', (code) => {
    expect(findings({ hsCodes: [code], carats: '1250.00' })).toEqual([]);
  });
  it('is a rough-diamond code', () =>
    void expectOnly({ hsCodes: ['7102.39'] }, 'HS_UNKNOWN', 'hsCodes'));
  it('counts the same code written twice once', () =>
    expect(findings({ hsCodes: ['7102.31', '710231'] })).toEqual([]));
});

describe('ITN (31 CFR 592.301(a)(5), 592.307(l))', () => {
  it('is required to issue and a warning in a draft', () => {
    expectOnly({ itn: '' }, 'ITN_MISSING', 'itn');
    expectOnly({ itn: '' }, 'ITN_MISSING', 'itn', 'warning', draftContext);
  });
  it('is X and 14 digits', () => expectOnly({ itn: 'X2026112712345' }, 'ITN_FORMAT', 'itn'));
  it('carries a real calendar date', () =>
    void expectOnly({ itn: 'X20191332000001' }, 'ITN_DATE_INVALID', 'itn'));
  it('rejects 29 February in a common year', () =>
    void expectOnly({ itn: 'X20250229000001' }, 'ITN_DATE_INVALID', 'itn'));
  it('warns when accepted after the export date', () =>
    void expectOnly(
      { itn: 'X20261129123456', exportDate: '2026-11-28' },
      'ITN_AFTER_EXPORT',
      'itn',
      'warning',
    ));
  it('warns when far from the date of issue', () =>
    void expectOnly({ itn: 'X20260901123456' }, 'ITN_FAR_FROM_ISSUE', 'itn', 'warning'));
});

describe('AES entry (15 CFR 30.6; Census 2019)', () => {
  const aes = {
    licenseType: 'T12',
    licenseNumber: '12345',
    licenseValue: '15000.00',
    fromForeignTradeZone: false,
    ftzNumber: '',
  };
  it('matches the certificate', () => expect(findings({ aes })).toEqual([]));
  it('uses licence type T12', () =>
    void expectOnly(
      { aes: { ...aes, licenseType: 'C32' } },
      'AES_LICENSE_TYPE',
      'aes.licenseType',
    ));
  it('values the licence at the KP value', () =>
    void expectOnly(
      { aes: { ...aes, licenseValue: '1500.00' } },
      'AES_LICENSE_VALUE_MISMATCH',
      'aes.licenseValue',
    ));
});

describe('dates against today (31 CFR 592.307(e); Census 2019: an expired certificate used)', () => {
  const on = (today: string): ValidationContext => ({ ...issueContext, today });
  it('refuses a certificate that has already expired', () => {
    const only = expectOnly({}, 'CERTIFICATE_EXPIRED', 'dateOfExpiry', 'error', on('2027-01-27'));
    expect(only.message).toContain('2027-01-26');
    expect(only.source).toContain('31 CFR 592.307(e)');
  });
  it('accepts it up to and on its date of expiry', () => {
    expect(findings({}, on('2027-01-26'))).toEqual([]);
    expect(findings({}, on('2026-11-20'))).toEqual([]);
  });
  it('is not judged by today without a date (a record checked as it was)', () =>
    expect(findings({}, issueContext)).toEqual([]));
  it('refuses one that expires before the export date', () =>
    void expectOnly(
      { exportDate: '2027-01-27' },
      'EXPORT_AFTER_EXPIRY',
      'exportDate',
      'error',
      on('2026-11-27'),
    ));
});

describe('expiry mode (31 CFR 592.307(e); USKPA issues exactly 60 days)', () => {
  const exactly = (days: number): ValidationContext => ({
    ...issueContext,
    settings: { ...defaultValidationSettings, expiryMode: 'exactly', expiryMaxDays: days },
  });
  it('"at most N days" is the default and accepts fewer days', () =>
    expect(findings({ dateOfExpiry: '2027-01-10' })).toEqual([]));
  it('"exactly N days" accepts exactly N days', () =>
    expect(findings({}, exactly(60))).toEqual([]));
  it('"exactly N days" refuses fewer days and names the date', () => {
    const only = expectOnly(
      { dateOfExpiry: '2027-01-10' },
      'EXPIRY_NOT_EXACT',
      'dateOfExpiry',
      'error',
      exactly(60),
    );
    expect(only.message).toContain('2027-01-26');
    expect(only.source).toContain('31 CFR 592.307(e)');
  });
  it('"exactly N days" refuses more days too, with the setting\'s N', () => {
    const only = expectOnly({}, 'EXPIRY_NOT_EXACT', 'dateOfExpiry', 'error', exactly(30));
    expect(only.message).toContain('exactly 30 days');
    expect(only.message).toContain('2026-12-27');
  });
});

describe('ITN already on another certificate (15 CFR 30.6, 30.7(c); Census 2019)', () => {
  const withItn = (numbers: string[]): ValidationContext => ({
    ...issueContext,
    certificatesWithItn: new Map([['X20261127123456', numbers]]),
  });
  it('warns, naming the other certificate', () => {
    const only = expectOnly({}, 'ITN_USED_ELSEWHERE', 'itn', 'warning', withItn(['US10001']));
    expect(only.message).toContain('US10001');
    expect(only.message).toContain('X20261127123456');
  });
  it('does not count the certificate itself', () =>
    expect(findings({ number: 'us 12345' }, withItn(['US12345']))).toEqual([]));
});
