// "Copy from a previous certificate" (issue 15): the parties, goods and route are carried over;
// the number, the dates, the ITN and the AES licence number belong to the one shipment and are
// not (a number is never reused; each export files its own EEI).
import { describe, expect, it } from 'vitest';
import { CertificateDraftSchema } from '../../../../shared/domain/certificate-draft';
import { defaultValidationSettings } from '../../../../shared/domain/validation-settings';
import { draftCopiedFrom } from '../../../../renderer/src/wizard/copy-draft';
import { validDraft } from '../../domain/certificate-fixtures';

describe('draftCopiedFrom', () => {
  it('keeps parties, goods and route; takes the new number, new dates, no ITN', () => {
    const source = CertificateDraftSchema.parse({
      ...validDraft(),
      number: 'US12345',
      itn: 'X20261127000001',
      aes: {
        licenseType: 'T12',
        licenseNumber: '12345',
        licenseValue: '15000.00',
        fromForeignTradeZone: false,
        ftzNumber: '',
      },
    });
    const copy = draftCopiedFrom(source, 'US12399', defaultValidationSettings, '2026-12-07');
    expect(copy.number).toBe('US12399');
    expect(copy.itn).toBe('');
    expect(copy.dateOfIssue).toBe('2026-12-07');
    expect(copy.dateOfExpiry).toBe('2027-02-05');
    expect(copy.aes).toEqual({ ...source.aes, licenseNumber: '12399' });
    expect(copy.exporter).toEqual(source.exporter);
    expect(copy.consignee).toEqual(source.consignee);
    expect(copy.destinationCountry).toBe(source.destinationCountry);
    expect(copy.carats).toBe(source.carats);
    expect(copy.hsCodes).toEqual(source.hsCodes);
    expect(copy.countryOfOrigin).toBe(source.countryOfOrigin);
    expect(source.number).toBe('US12345');
  });
});
