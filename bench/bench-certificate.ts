// The certificate the document benchmarks issue and verify, and where the fonts are: npm runs
// scripts from the package root, while the bundles themselves live in dist/bench/. Also the
// draft every vault-building benchmark (review, audit package, beside-issuing) records: the same
// certificate on its own form number, a draft that passes every rule once it has its ITN.
import { join } from 'node:path';
import type { Certificate } from '../shared/domain/certificate';
import type { CertificateDraftInput } from '../shared/domain/certificate-draft';

export const resourcesDir = join(process.cwd(), 'resources');

export const benchCertificate: Certificate = {
  number: 'US12345',
  countryOfOrigin: 'CD',
  dateOfIssue: '2026-11-27',
  dateOfExpiry: '2027-01-26',
  exportDate: '2026-11-28',
  exporter: {
    name: 'Hudson Rough Diamond Trading LLC',
    address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
  },
  consignee: { name: 'Schupstraat Diamonds BV', address: 'Schupstraat 21, 2018 Antwerp, Belgium' },
  destinationCountry: 'BE',
  caratHundredths: 1250,
  valueCents: 1_500_000,
  parcels: 2,
  hsCode: '7102.31',
  itn: 'X20261127123456',
};

export function benchCertificateDraft(number: string): CertificateDraftInput {
  return {
    number,
    countryOfOrigin: 'CD',
    dateOfIssue: '2026-11-27',
    dateOfExpiry: '2027-01-26',
    exportDate: '2026-11-28',
    exporter: {
      name: 'Hudson Rough Diamond Trading LLC',
      address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
    },
    consignee: {
      name: 'Schupstraat Diamonds BV',
      address: 'Schupstraat 21, 2018 Antwerp, Belgium',
    },
    destinationCountry: 'BE',
    carats: '12.50',
    valueUsd: '15000.00',
    parcels: '2',
    hsCodes: ['7102.31'],
    itn: '',
    aes: {
      licenseType: 'T12',
      licenseNumber: number.slice(2),
      licenseValue: '15000.00',
      fromForeignTradeZone: false,
      ftzNumber: '',
    },
  };
}
