// What was keyed into AES must match the certificate: licence type T12, licence number = the
// certificate's digits without "US", licence value = the KP value (Census 2019: "KP number
// mis-keyed in AES" and "FTZ number missing" are among the most common errors).
import { aesReference } from '../../reference/reference-data';
import { aesLicenseNumber } from '../certificate-number';
import type { CertificateDraft } from '../certificate-draft';
import { formatHundredths, readHundredths } from '../decimal';
import type { Finding } from '../finding';
import { sources } from '../sources';
import { error } from './finding-builder';

export function checkAesEntry(draft: CertificateDraft): Finding[] {
  const aes = draft.aes;
  if (aes === undefined) return [];
  const findings: Finding[] = [];
  const type = aes.licenseType.trim().toUpperCase();
  if (type !== '' && type !== aesReference.licenseType) {
    findings.push(
      error(
        'AES_LICENSE_TYPE',
        'aes.licenseType',
        `The AES licence type for a KP certificate is ${aesReference.licenseType}, not "${aes.licenseType.trim()}".`,
        sources.aesLicense,
      ),
    );
  }
  const keyed = aes.licenseNumber.trim().toUpperCase();
  const expected = aesLicenseNumber(draft.number);
  if (keyed !== '' && keyed !== expected) {
    const hint = keyed.startsWith('US') ? ' Key the digits only, without "US".' : '';
    findings.push(
      error(
        'AES_LICENSE_NUMBER_MISMATCH',
        'aes.licenseNumber',
        `AES has licence number ${keyed}, but the certificate's number gives ${expected}.${hint}`,
        sources.aesLicense,
      ),
    );
  }
  const keyedValue = readHundredths(aes.licenseValue);
  const value = readHundredths(draft.valueUsd);
  if (
    keyedValue.kind !== 'missing' &&
    value.kind === 'ok' &&
    (keyedValue.kind !== 'ok' || keyedValue.hundredths !== value.hundredths)
  ) {
    findings.push(
      error(
        'AES_LICENSE_VALUE_MISMATCH',
        'aes.licenseValue',
        `The AES licence value must be the KP value on the certificate, US$ ${formatHundredths(value.hundredths)}.`,
        sources.aesLicense,
      ),
    );
  }
  if (aes.fromForeignTradeZone && aes.ftzNumber.trim() === '') {
    findings.push(
      error(
        'FTZ_NUMBER_MISSING',
        'aes.ftzNumber',
        'The goods leave from a foreign trade zone: enter the FTZ number in AES and here.',
        sources.ftz,
      ),
    );
  }
  return findings;
}
