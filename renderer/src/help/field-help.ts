// Which glossary entry explains each certificate field: the form's fields link to it ("What is
// this?") and F1 on a field opens it. Fields whose words need no explanation have none.
import type { CertificateField } from '../../../shared/domain/certificate-draft';
import type { GlossaryId } from './glossary';

export const fieldHelp: Readonly<Partial<Record<CertificateField, GlossaryId>>> = {
  number: 'kp-certificate',
  countryOfOrigin: 'country-of-origin',
  dateOfExpiry: 'kp-certificate',
  exportDate: 'aes',
  'exporter.name': 'licensee',
  'exporter.address': 'licensee',
  'consignee.name': 'consignee',
  'consignee.address': 'consignee',
  destinationCountry: 'kp-participant',
  carats: 'carats',
  valueUsd: 'aes',
  parcels: 'kp-certificate',
  hsCodes: 'hs-codes',
  itn: 'itn',
  'aes.licenseType': 'aes',
  'aes.licenseNumber': 'aes',
  'aes.licenseValue': 'aes',
  'aes.ftzNumber': 'aes',
  'domesticRecovery.site': 'country-of-origin',
  'domesticRecovery.notImported': 'country-of-origin',
};
