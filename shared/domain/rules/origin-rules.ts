import { countryName, isIsoCountry, participantFor } from '../../reference/reference-data';
import type { CertificateDraft } from '../certificate-draft';
import type { Finding } from '../finding';
import { sources } from '../sources';
import { error } from './finding-builder';

/** What the US form prints for a shipment with any parcel of mixed origin. */
export const MIXED_ORIGIN = '****';

export function checkOrigin(draft: CertificateDraft): Finding[] {
  const origin = draft.countryOfOrigin.trim().toUpperCase();
  if (origin === '') {
    return [
      error(
        'ORIGIN_MISSING',
        'countryOfOrigin',
        'Enter the country where the diamonds were mined, or **** if any parcel is of mixed origin.',
        sources.origin,
      ),
    ];
  }
  if (origin === MIXED_ORIGIN) return declarationWithoutUsOrigin(draft);
  // 31 CFR 592.307(b): one country for unmixed parcels; a list is a common error (Census 2019).
  if (/[,;/&+]|\sAND\s/.test(origin) || /^[A-Z]{2}(\s+[A-Z]{2})+$/.test(origin)) {
    return [
      error(
        'ORIGIN_MULTIPLE',
        'countryOfOrigin',
        'Give one country of origin. If the parcels come from several countries, the shipment is of mixed origin: write ****.',
        sources.originMixed,
      ),
    ];
  }
  if (/^\*+$/.test(origin)) {
    return [
      error(
        'ORIGIN_UNKNOWN',
        'countryOfOrigin',
        'Mixed origin is written as exactly four asterisks: ****.',
        sources.originMixed,
      ),
    ];
  }
  if (origin === 'US') return checkDomesticRecovery(draft);
  if (!isIsoCountry(origin)) {
    return [
      error(
        'ORIGIN_UNKNOWN',
        'countryOfOrigin',
        `"${draft.countryOfOrigin.trim()}" is not a two-letter ISO 3166 country code (e.g. BW for Botswana, CD for DR Congo).`,
        sources.origin,
      ),
    ];
  }
  if (participantFor(origin) === undefined) {
    return [
      error(
        'ORIGIN_NOT_PARTICIPANT',
        'countryOfOrigin',
        `${countryName(origin) ?? origin} is not a Kimberley Process Participant: rough diamonds mined there cannot be traded under a KP certificate.`,
        `${sources.origin}; 592.201`,
      ),
    ];
  }
  return declarationWithoutUsOrigin(draft);
}

/** Said on the ORIGIN_US error itself, so the way forward is where the problem is shown. */
export const DOMESTIC_RECOVERY_OFFER =
  'If the stone was recovered in the United States (e.g. at Crater of Diamonds State Park, Arkansas) and never imported, declare the domestic recovery: name the site and confirm it was not imported. Otherwise give the country where the diamonds were mined, or **** for mixed origin.';

// 31 CFR 592.307(b): US origin only for a stone recovered in the United States and never
// imported; a re-exported import keeps the origin of its mine (Census 2019 sees "US" for
// re-exports often). The declaration is per certificate, so it cannot carry over to a re-export.
function checkDomesticRecovery(draft: CertificateDraft): Finding[] {
  const declaration = draft.domesticRecovery;
  if (declaration === undefined) {
    return [
      error(
        'ORIGIN_US',
        'countryOfOrigin',
        `"US" is the country of origin only for diamonds recovered in the United States; imported diamonds keep the country where they were mined. ${DOMESTIC_RECOVERY_OFFER}`,
        sources.originNotUs,
      ),
    ];
  }
  const findings: Finding[] = [];
  if (declaration.site.trim() === '') {
    findings.push(
      error(
        'DOMESTIC_RECOVERY_SITE_MISSING',
        'domesticRecovery.site',
        'Name the site in the United States where the stone was recovered, e.g. "Crater of Diamonds State Park, Murfreesboro, Arkansas".',
        sources.domesticRecovery,
      ),
    );
  }
  if (!declaration.notImported) {
    findings.push(
      error(
        'DOMESTIC_RECOVERY_NOT_CONFIRMED',
        'domesticRecovery.notImported',
        'Confirm that the stone was recovered in the United States and never imported. Diamonds that were imported keep the country where they were mined as their origin.',
        sources.domesticRecovery,
      ),
    );
  }
  return findings;
}

function declarationWithoutUsOrigin(draft: CertificateDraft): Finding[] {
  if (draft.domesticRecovery === undefined) return [];
  return [
    error(
      'DOMESTIC_RECOVERY_WITHOUT_US_ORIGIN',
      'domesticRecovery.site',
      'A domestic-recovery declaration belongs only to a certificate whose country of origin is US. Remove the declaration, or correct the country of origin.',
      sources.domesticRecovery,
    ),
  ];
}
