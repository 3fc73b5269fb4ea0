// Properties over generated certificates (fast-check): valid ones stay valid and exact through
// JSON, and breaking any one field yields a finding on that field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateToDraft, readCertificate } from '../../../shared/domain/certificate';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { CertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import { formatIsoDate, parseIsoDate } from '../../../shared/domain/calendar-date';
import { formatHundredths, readHundredths } from '../../../shared/domain/decimal';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import {
  countryName,
  hsCodes,
  participantCountries,
} from '../../../shared/reference/reference-data';
import { issueContext } from './certificate-fixtures';

// US origin needs its own declaration; Russia and Belarus have their own US measures
// (trade-measure-rules.ts): each is tested on its own.
const countries = participantCountries()
  .map((c) => c.iso2)
  .filter((c) => c !== 'US' && c !== 'RU' && c !== 'BY');
const destinations = countries;
const line = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .'&-]{0,38}[A-Za-z0-9.]$/);
const day2026 = parseIsoDate('2026-01-01')!;

const validDraftArb: fc.Arbitrary<CertificateDraft> = fc
  .record({
    digits: fc.integer({ min: 10_000, max: 9_999_999_999 }), // NUMBER_TOO_LONG above 10 digits
    origin: fc.oneof(fc.constantFrom(...countries), fc.constant('****')),
    issue: fc.integer({ min: day2026 - 3000, max: day2026 + 3000 }),
    validity: fc.integer({ min: 1, max: 60 }),
    exportOffset: fc.nat({ max: 60 }),
    itnBack: fc.nat({ max: 30 }),
    itnSuffix: fc.integer({ min: 0, max: 999_999 }),
    exporter: fc.record({ name: line, address: line.map((street) => `${street}\nUnited States`) }),
    consigneeName: line,
    street: line,
    destination: fc.constantFrom(...destinations),
    carats: fc.integer({ min: 1, max: 1_000_000_000 }),
    parcelSeed: fc.integer({ min: 1, max: 1000 }),
    cents: fc.integer({ min: 1, max: 1_000_000_000_000 }),
    hs: fc.constantFrom(...hsCodes.map((h) => h.code)),
  })
  .map((g) => {
    const exportDay = g.issue + Math.min(g.exportOffset, g.validity);
    const itnDate = formatIsoDate(g.issue - g.itnBack).replaceAll('-', '');
    return CertificateDraftSchema.parse({
      number: `US${g.digits}`,
      countryOfOrigin: g.origin,
      dateOfIssue: formatIsoDate(g.issue),
      dateOfExpiry: formatIsoDate(g.issue + g.validity),
      exportDate: formatIsoDate(exportDay),
      exporter: g.exporter,
      consignee: {
        name: g.consigneeName,
        address: `${g.street}\n${countryName(g.destination) ?? ''}`,
      },
      destinationCountry: g.destination,
      carats: formatHundredths(g.carats),
      valueUsd: formatHundredths(g.cents),
      parcels: String(Math.min(g.parcelSeed, g.carats)),
      hsCodes: [g.hs],
      itn: `X${itnDate}${String(g.itnSuffix).padStart(6, '0')}`,
    });
  });

describe('certificate properties', () => {
  it('any valid certificate has no error and survives a JSON round trip exactly', () => {
    fc.assert(
      fc.property(validDraftArb, (draft) => {
        const first = readCertificate(draft, issueContext);
        expect(first.report.findings.filter((f) => f.severity === 'error')).toEqual([]);
        const json = JSON.stringify(certificateToDraft(first.certificate!));
        const again = readCertificate(CertificateDraftSchema.parse(JSON.parse(json)), issueContext);
        expect(again.report.errorCount).toBe(0);
        expect(again.certificate).toEqual(first.certificate);
      }),
      { numRuns: 300 },
    );
  });

  // For each field, ways a licensee gets it wrong; each must produce a finding on that field.
  const corruptions: [string, fc.Arbitrary<(d: CertificateDraft) => CertificateDraft>][] = [
    [
      'number',
      fc
        .oneof(
          fc.constant(''),
          fc.stringMatching(/^US0\d{4,8}$/),
          fc.stringMatching(/^US\d{1,4}$/),
          fc.stringMatching(/^[A-TV-Z]{2}\d{5,9}$/),
        )
        .map((v) => (d) => ({ ...d, number: v })),
    ],
    [
      'countryOfOrigin',
      fc
        .oneof(
          fc.constantFrom('', 'US', 'XX', 'KE', 'CD, ZA', '***'),
          fc.stringMatching(/^[A-Z]{2}\/[A-Z]{2}$/),
        )
        .map((v) => (d) => ({ ...d, countryOfOrigin: v })),
    ],
    [
      'dateOfIssue',
      fc
        .constantFrom('', '2026-02-30', '13/01/2026', '2026-13-01')
        .map((v) => (d) => ({ ...d, dateOfIssue: v })),
    ],
    [
      'dateOfExpiry',
      fc
        .oneof(
          fc.constantFrom('', '2026-04-31'),
          fc.integer({ min: 61, max: 400 }).map(String),
          fc.integer({ min: -400, max: 0 }).map(String),
        )
        .map((v) => (d) => {
          const offset = Number(v);
          if (v === '' || Number.isNaN(offset)) return { ...d, dateOfExpiry: v };
          return { ...d, dateOfExpiry: formatIsoDate(parseIsoDate(d.dateOfIssue)! + offset) };
        }),
    ],
    [
      'exportDate',
      fc.constantFrom('', 'tomorrow', '2026-00-10').map((v) => (d) => ({ ...d, exportDate: v })),
    ],
    [
      'exporter.name',
      fc
        .constantFrom('', '   ')
        .map((v) => (d) => ({ ...d, exporter: { ...d.exporter, name: v } })),
    ],
    [
      'consignee.address',
      fc
        .constantFrom('', 'PO Box 1')
        .map((v) => (d) => ({ ...d, consignee: { ...d.consignee, address: v } })),
    ],
    [
      'destinationCountry',
      fc
        .constantFrom('', 'US', 'KE', 'ZZ', 'Belgium')
        .map((v) => (d) => ({ ...d, destinationCountry: v })),
    ],
    [
      'carats',
      fc
        .oneof(
          fc.constantFrom('', '0', 'abc', '1.234', '5.00; 6.00'),
          fc.stringMatching(/^\d{1,4}\.\d{3,5}$/),
        )
        .map((v) => (d) => ({ ...d, carats: v })),
    ],
    [
      'valueUsd',
      fc
        .oneof(fc.constantFrom('', '0.00', 'USD', '1.999'), fc.stringMatching(/^\d{1,6}\.\d{3}$/))
        .map((v) => (d) => ({ ...d, valueUsd: v })),
    ],
    [
      'parcels',
      fc.constantFrom('', '0', '-1', '1.5', 'two').map((v) => (d) => ({ ...d, parcels: v })),
    ],
    [
      'hsCodes',
      fc
        .constantFrom([], ['7102.39'], ['7102.10', '7102.31'], ['7103.10'])
        .map((v) => (d) => ({ ...d, hsCodes: [...v] })),
    ],
    [
      'itn',
      fc
        .oneof(
          fc.constant(''),
          fc.stringMatching(/^X\d{13}$/),
          fc.stringMatching(/^X\d{4}(1[3-9]|[2-9]\d)\d{8}$/),
        )
        .map((v) => (d) => ({ ...d, itn: v })),
    ],
  ];

  const cases = corruptions.map(([field, corruption]) => ({ field, corruption }));
  it.each(cases)('breaking $field yields a finding on that field', ({ field, corruption }) => {
    fc.assert(
      fc.property(validDraftArb, corruption, (draft, corrupt) => {
        const findings = validateCertificate(corrupt(draft), issueContext).findings;
        expect(findings.map((f) => f.field)).toContain(field);
      }),
      { numRuns: 150 },
    );
  });

  it('decimals and dates round-trip exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Math.floor(Number.MAX_SAFE_INTEGER / 100) }), (n) => {
        expect(readHundredths(formatHundredths(n))).toEqual({ kind: 'ok', hundredths: n });
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: parseIsoDate('1900-01-01')!, max: parseIsoDate('2999-12-31')! }),
        (day) => {
          expect(parseIsoDate(formatIsoDate(day))).toBe(day);
        },
      ),
    );
  });
});
