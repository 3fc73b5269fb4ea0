// Russia and Belarus are KP Participants, but separate US measures apply (E.O. 14068 as amended by
// E.O. 14114; 31 CFR 587; 15 CFR 746.10): the finding the Participant data calls for, from
// reference/data/us-trade-measures.json.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/domain/finding';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import { tradeMeasures } from '../../../shared/reference/reference-data';
import { draftWith, issueContext } from './certificate-fixtures';

type Patch = Parameters<typeof draftWith>[0];

function measureFindings(patch: Patch): [string, string, string][] {
  return validateCertificate(draftWith(patch), issueContext)
    .findings.filter((f: Finding) => f.code.endsWith('_SANCTIONS'))
    .map((f) => [f.code, f.field, f.severity]);
}

const russia = { destinationCountry: 'RU', consignee: { address: 'Tverskaya 1, Moscow, Russia' } };
const belarus = {
  destinationCountry: 'BY',
  consignee: { address: 'Nezavisimosti 1, Minsk, Belarus' },
};

describe('US measures on Russia and Belarus (E.O. 14068; 31 CFR 587; 15 CFR 746.10)', () => {
  it('blocks an export to Russia under every rough-diamond code', () => {
    for (const code of ['7102.10', '7102.21', '7102.31']) {
      expect(measureFindings({ ...russia, hsCodes: [code] })).toEqual([
        ['DESTINATION_SANCTIONS', 'destinationCountry', 'error'],
      ]);
    }
    const [found] = validateCertificate(draftWith(russia), issueContext).findings;
    expect(found?.source).toContain('15 CFR 746.10');
    expect(found?.message).toContain('BIS licence');
  });

  it('warns on an export to Belarus', () => {
    expect(measureFindings(belarus)).toEqual([
      ['DESTINATION_SANCTIONS', 'destinationCountry', 'warning'],
    ]);
  });

  it('blocks Russian origin for non-industrial and unsorted diamonds, warns for industrial', () => {
    expect(measureFindings({ countryOfOrigin: 'RU', hsCodes: ['7102.31'] })).toEqual([
      ['ORIGIN_SANCTIONS', 'countryOfOrigin', 'error'],
    ]);
    expect(measureFindings({ countryOfOrigin: 'ru', hsCodes: ['7102.10.00'] })).toEqual([
      ['ORIGIN_SANCTIONS', 'countryOfOrigin', 'error'],
    ]);
    expect(measureFindings({ countryOfOrigin: 'RU', hsCodes: ['7102.21'] })).toEqual([
      ['ORIGIN_SANCTIONS', 'countryOfOrigin', 'warning'],
    ]);
    const origin = validateCertificate(draftWith({ countryOfOrigin: 'RU' }), issueContext).findings;
    expect(origin[0]?.source).toContain('E.O. 14068');
  });

  it('takes the strictest measure while the HS code is not known yet', () => {
    expect(measureFindings({ countryOfOrigin: 'RU', hsCodes: [] })).toEqual([
      ['ORIGIN_SANCTIONS', 'countryOfOrigin', 'error'],
    ]);
  });

  it('warns on Belarusian origin, and on both sides at once', () => {
    expect(measureFindings({ countryOfOrigin: 'BY' })).toEqual([
      ['ORIGIN_SANCTIONS', 'countryOfOrigin', 'warning'],
    ]);
    expect(measureFindings({ ...russia, countryOfOrigin: 'RU' })).toEqual([
      ['ORIGIN_SANCTIONS', 'countryOfOrigin', 'error'],
      ['DESTINATION_SANCTIONS', 'destinationCountry', 'error'],
    ]);
  });

  it('leaves every other Participant alone', () => {
    expect(measureFindings({})).toEqual([]);
    expect(new Set(tradeMeasures.map((m) => m.iso2))).toEqual(new Set(['RU', 'BY']));
    for (const measure of tradeMeasures) expect(measure.source).toMatch(/E\.O\.|CFR/);
  });
});
