// The wizard's pure parts: the AES filing deadline per transport mode (15 CFR 30.4(b)), US$ per
// carat against the licensee's median, where a draft reopens, and the packaging checks.
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../../shared/domain/certificate-draft';
import type { Finding } from '../../../../shared/domain/finding';
import { departureTime, filingDeadline } from '../../../../renderer/src/wizard/filing-deadline';
import { judgePrice, median, pricePerCarat } from '../../../../renderer/src/wizard/price-per-carat';
import {
  emptyPackaging,
  packagingForIssue,
  packagingProblems,
  splitList,
  warrantyProblems,
} from '../../../../renderer/src/wizard/wizard-extras';
import { firstIncompleteStep } from '../../../../renderer/src/wizard/wizard-steps';
import type { StepFacts } from '../../../../renderer/src/wizard/wizard-steps';
import { warrantyStatement } from '../../../../renderer/src/wizard/wizard-texts';

describe('filing deadline', () => {
  const departure = departureTime('2030-03-04', '09:30');
  it('reads a local departure and refuses impossible dates and times', () => {
    expect(departure?.getHours()).toBe(9);
    expect(departureTime('2030-02-30', '09:30')).toBeNull();
    expect(departureTime('2030-03-04', '9.30')).toBeNull();
    expect(departureTime('', '09:30')).toBeNull();
  });
  it('files 2 h before a flight, 24 h before loading a vessel, 1 h before a truck at the border', () => {
    if (departure === null) throw new Error('no departure');
    const hoursBefore = (mode: Parameters<typeof filingDeadline>[0]) =>
      (departure.getTime() - filingDeadline(mode, departure).getTime()) / 3_600_000;
    expect(hoursBefore('air')).toBe(2);
    expect(hoursBefore('vessel')).toBe(24);
    expect(hoursBefore('truck')).toBe(1);
    expect(hoursBefore('rail')).toBe(2);
    expect(filingDeadline('vessel', departure).getDate()).toBe(3);
  });
});

describe('US$ per carat', () => {
  it('is exact cents per carat from the typed decimals, or null while unreadable', () => {
    expect(pricePerCarat('12.50', '15000.00')).toBe(120_000);
    expect(pricePerCarat('1,000.00', '$2,500')).toBe(250);
    expect(pricePerCarat('', '100')).toBeNull();
    expect(pricePerCarat('0.00', '100')).toBeNull();
  });
  it('takes the median and warns only beyond three times either way, with enough history', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(judgePrice(100, [100, 100])).toEqual({ kind: 'no-history', count: 2 });
    expect(judgePrice(250, [100, 90, 110]).kind).toBe('usual');
    expect(judgePrice(301, [100, 90, 110]).kind).toBe('far');
    expect(judgePrice(33, [100, 90, 110]).kind).toBe('far');
    expect(judgePrice(null, [100, 90, 110]).kind).toBe('none');
  });
});

describe('where a draft reopens', () => {
  const error = (field: Finding['field']): Finding => ({
    code: 'ORIGIN_US',
    field,
    severity: 'error',
    message: 'x',
    source: 'y',
  });
  const facts = (overrides: Partial<StepFacts>): StepFacts => ({
    findings: [],
    packagingDone: false,
    warrantyDone: false,
    itnRecorded: false,
    issued: false,
    ...overrides,
  });
  it('opens at the first step with an error or a missing entry', () => {
    expect(firstIncompleteStep(facts({ findings: [error('consignee.address')] }))).toBe('parties');
    expect(firstIncompleteStep(facts({ findings: [error('countryOfOrigin')] }))).toBe('shipment');
    expect(firstIncompleteStep(facts({}))).toBe('packaging');
    expect(firstIncompleteStep(facts({ packagingDone: true }))).toBe('warranty');
    expect(firstIncompleteStep(facts({ packagingDone: true, warrantyDone: true }))).toBe('aes');
    expect(
      firstIncompleteStep(facts({ packagingDone: true, warrantyDone: true, itnRecorded: true })),
    ).toBe('review');
    // A warning does not hold a step back; an issued certificate opens at signing.
    expect(
      firstIncompleteStep(facts({ findings: [{ ...error('itn'), severity: 'warning' }] })),
    ).toBe('packaging');
    expect(firstIncompleteStep(facts({ issued: true, findings: [error('itn')] }))).toBe('sign');
  });
});

describe('packaging and warranty entries', () => {
  const draft = { ...emptyDraft(), parcels: '2' };
  it('names every missing entry, and a parcel count that differs from the certificate', () => {
    expect(Object.keys(packagingProblems(emptyPackaging, draft)).sort()).toEqual([
      'packaging-container',
      'packaging-meets',
      'packaging-parcels',
      'packaging-seals',
    ]);
    const entry = {
      ...emptyPackaging,
      containerType: 'Sealed security box with numbered seal',
      meetsDefinition: true,
      parcelsInContainer: '3',
      seals: 'S-1\nS-2',
    };
    expect(packagingProblems(entry, draft)).toEqual({
      'packaging-parcels':
        'You sealed 3 parcel(s), but the certificate says 2. The number of parcels must match (31 CFR 592.307(j)).',
    });
    expect(packagingProblems({ ...entry, parcelsInContainer: '2' }, draft)).toEqual({});
    expect(packagingForIssue({ ...entry, numberOnContainer: true }, 'US10000')).toEqual({
      description:
        'Sealed security box with numbered seal; 3 parcel(s) sealed inside; certificate number US10000 written on the container',
      sealNumbers: ['S-1', 'S-2'],
    });
  });
  it('splits lists on lines, commas and semicolons', () => {
    expect(splitList(' INV-1, INV-2;\nINV-3 \n\n')).toEqual(['INV-1', 'INV-2', 'INV-3']);
  });
  it('requires invoices and the attestation; the revised wording drops its optional parts', () => {
    expect(
      Object.keys(warrantyProblems({ wording: 'revised', invoices: '', attested: false })),
    ).toEqual(['warranty-invoices', 'warranty-attested']);
    expect(warrantyStatement('revised')).not.toContain('{');
    expect(warrantyStatement('revised')).toContain('have been purchased from legitimate sources');
    expect(warrantyStatement('original')).toContain('conflict free');
  });
});
