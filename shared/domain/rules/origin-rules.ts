import { countryName, isIsoCountry, participantFor } from '../../reference/reference-data';
import type { CertificateDraft } from '../certificate-draft';
import type { Finding } from '../finding';
import { sources } from '../sources';
import type { ValidationContext } from '../validation-report';
import { error, warning } from './finding-builder';

/** What the US form prints for a shipment with any parcel of mixed origin. */
export const MIXED_ORIGIN = '****';

export function checkOrigin(draft: CertificateDraft, context: ValidationContext): Finding[] {
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
  if (origin === MIXED_ORIGIN) return [];
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
  if (origin === 'US') {
    const message =
      'The US has no commercial diamond production, so "US" is not a country of origin. Give the mining country, or **** for mixed origin.';
    return context.settings.allowUsOriginForCraterOfDiamonds
      ? [
          warning(
            'ORIGIN_US',
            'countryOfOrigin',
            'US origin is accepted only for stones found at Crater of Diamonds State Park (Arkansas); keep the proof of the find with the record.',
            sources.originNotUs,
          ),
        ]
      : [error('ORIGIN_US', 'countryOfOrigin', message, sources.originNotUs)];
  }
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
  return [];
}
