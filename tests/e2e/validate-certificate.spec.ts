// The certificate rules in the real browser bundle, through the preview bridge to the real core:
// a certificate with four classic mistakes gets each finding on its field with its source from
// certificates:validate; once fixed, no error is left. Showing the findings at the fields of the
// form is the issuance wizard's e2e (the old single certificate form became the wizard).
import type { KpApi } from '../../shared/ipc/api';
import type { CertificateDraftInput } from '../../shared/domain/certificate-draft';
import { sources } from '../../shared/domain/sources';
import { expect, test } from './fixtures';

const badCertificate: CertificateDraftInput = {
  number: 'US12345',
  countryOfOrigin: 'US', // never US: no US commercial production
  dateOfIssue: '2026-11-27',
  dateOfExpiry: '2027-02-25', // 90 days after issue; at most 60 allowed
  exportDate: '2026-11-28',
  exporter: {
    name: 'Acme Rough Diamonds LLC',
    address: '580 Fifth Avenue, New York, NY 10036, United States',
  },
  consignee: { name: 'Nairobi Gem Traders Ltd', address: 'Kimathi Street 12, Nairobi, Kenya' },
  destinationCountry: 'KE', // Kenya is not a KP Participant
  carats: '12.50',
  valueUsd: '15000.00',
  parcels: '2',
  hsCodes: ['7102.31'],
  itn: 'X20191332000001', // month 13, day 32: not a date
};

const fixed: CertificateDraftInput = {
  ...badCertificate,
  countryOfOrigin: 'CD',
  dateOfExpiry: '2027-01-26', // 60 days after 2026-11-27
  itn: 'X20261127123456',
  consignee: {
    name: 'Antwerp Rough Trading NV',
    address: 'Hoveniersstraat 30, 2018 Antwerp, Belgium',
  },
  destinationCountry: 'BE',
};

const expected = [
  { field: 'countryOfOrigin', code: 'ORIGIN_US', source: sources.originNotUs },
  { field: 'dateOfExpiry', code: 'EXPIRY_TOO_LATE', source: sources.expiryLimit },
  { field: 'destinationCountry', code: 'DESTINATION_NOT_PARTICIPANT', source: sources.destination },
  { field: 'itn', code: 'ITN_DATE_INVALID', source: sources.itn },
] as const;

function validateInPage(certificate: CertificateDraftInput) {
  return (window as Window & { kp?: KpApi }).kp?.certificates.validate({
    certificate,
    purpose: 'issue',
  });
}

test('main finds each classic mistake on its field with its source; fixed, no error', async ({
  app: page,
}) => {
  const bad = await page.evaluate(validateInPage, badCertificate);
  expect(bad?.ok).toBe(true);
  if (!bad?.ok) return;
  for (const { field, code, source } of expected) {
    const finding = bad.value.findings.find((f) => f.field === field && f.code === code);
    expect(finding, `${code} on ${field}`).toBeDefined();
    expect(JSON.stringify(finding)).toContain(source);
  }

  const good = await page.evaluate(validateInPage, fixed);
  expect(good).toMatchObject({ ok: true, value: { errorCount: 0 } });
});
