// The certificate every review-benchmark record carries (the repository's valid fixture, on its
// own form number): a draft that passes every rule once it has its ITN.
import type { CertificateDraftInput } from '../shared/domain/certificate-draft';

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
