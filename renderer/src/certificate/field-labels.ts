// The name of every field a finding can point at, as the form and the summary show it. Fields
// without an input yet (what was keyed into AES) appear only in the summary, under these names.
import type { CertificateField } from '../../../shared/domain/certificate-draft';

export const fieldLabels: Readonly<Record<CertificateField, string>> = {
  number: 'Certificate number',
  countryOfOrigin: 'Country of origin',
  dateOfIssue: 'Date of issue',
  dateOfExpiry: 'Date of expiry',
  exportDate: 'Planned export date',
  'exporter.name': 'Exporter name',
  'exporter.address': 'Exporter address',
  'consignee.name': 'Ultimate consignee name',
  'consignee.address': 'Ultimate consignee address',
  destinationCountry: 'Country of destination',
  carats: 'Carats',
  valueUsd: 'Value in US$',
  parcels: 'Number of parcels',
  hsCodes: 'HS code',
  itn: 'ITN (AES Internal Transaction Number)',
  'aes.licenseType': 'AES licence type',
  'aes.licenseNumber': 'AES licence number',
  'aes.licenseValue': 'AES licence value',
  'aes.ftzNumber': 'Foreign trade zone number',
  'domesticRecovery.site': 'Site of recovery in the United States',
  'domesticRecovery.notImported': 'Recovered in the United States, not imported',
};
