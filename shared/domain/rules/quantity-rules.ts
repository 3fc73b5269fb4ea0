import type { CertificateDraft, CertificateField } from '../certificate-draft';
import { readHundredths } from '../decimal';
import type { Finding, FindingCode } from '../finding';
import { sources } from '../sources';
import { error } from './finding-builder';

type AmountCodes = {
  missing: FindingCode;
  several: FindingCode;
  format: FindingCode;
  precision: FindingCode;
  /** An amount in another currency; carats have none, so theirs is a format error. */
  currency: FindingCode;
};

function readAmount(
  text: string,
  field: CertificateField,
  label: string,
  example: string,
  codes: AmountCodes,
  source: string,
): { hundredths: number | null; findings: Finding[] } {
  const reading = readHundredths(text);
  switch (reading.kind) {
    case 'ok':
      return { hundredths: reading.hundredths, findings: [] };
    case 'missing':
      return {
        hundredths: null,
        findings: [error(codes.missing, field, `Enter the ${label}, e.g. ${example}.`, source)],
      };
    case 'several':
      return {
        hundredths: null,
        findings: [
          error(
            codes.several,
            field,
            `Give one ${label} for the whole shipment. Several amounts on one certificate is a common error.`,
            source,
          ),
        ],
      };
    case 'precision':
      return {
        hundredths: null,
        findings: [
          error(
            codes.precision,
            field,
            `Give the ${label} with at most two decimal places, e.g. ${example}; it is not rounded for you.`,
            source,
          ),
        ],
      };
    case 'currency':
      if (codes.currency !== codes.format) {
        return {
          hundredths: null,
          findings: [
            error(
              codes.currency,
              field,
              `The ${label} must be in US dollars: "${reading.written}" is another currency. Convert the amount to US$ and write it like ${example}; it is never converted for you.`,
              source,
            ),
          ],
        };
      }
      return {
        hundredths: null,
        findings: [
          error(
            codes.format,
            field,
            `"${text.trim()}" is not a weight; write the ${label} like ${example}, without a currency.`,
            source,
          ),
        ],
      };
    case 'format':
      return {
        hundredths: null,
        findings: [
          error(
            codes.format,
            field,
            `"${text.trim()}" is not a number; write the ${label} like ${example}.`,
            source,
          ),
        ],
      };
  }
}

export function checkCarats(draft: CertificateDraft): {
  hundredths: number | null;
  findings: Finding[];
} {
  const read = readAmount(
    draft.carats,
    'carats',
    'carat weight',
    '12.50',
    {
      missing: 'CARATS_MISSING',
      several: 'CARATS_MULTIPLE',
      format: 'CARATS_FORMAT',
      precision: 'CARATS_PRECISION',
      currency: 'CARATS_FORMAT',
    },
    sources.carats,
  );
  if (read.hundredths !== null && read.hundredths < 1) {
    return {
      hundredths: null,
      findings: [
        error(
          'CARATS_TOO_SMALL',
          'carats',
          'The carat weight must be at least 0.01.',
          sources.carats,
        ),
      ],
    };
  }
  return read;
}

export function checkValue(draft: CertificateDraft): Finding[] {
  const read = readAmount(
    draft.valueUsd,
    'valueUsd',
    'value in US$',
    '15000.00',
    {
      missing: 'VALUE_MISSING',
      several: 'VALUE_MULTIPLE',
      format: 'VALUE_FORMAT',
      precision: 'VALUE_PRECISION',
      currency: 'VALUE_NOT_USD',
    },
    sources.value,
  );
  if (read.hundredths === 0) {
    return [
      error(
        'VALUE_NOT_POSITIVE',
        'valueUsd',
        'The value in US$ must be more than 0.00.',
        sources.value,
      ),
    ];
  }
  return read.findings;
}

export function checkParcels(draft: CertificateDraft, caratHundredths: number | null): Finding[] {
  const text = draft.parcels.trim();
  if (text === '')
    return [
      error(
        'PARCELS_MISSING',
        'parcels',
        'Enter the number of parcels in the shipment.',
        sources.parcels,
      ),
    ];
  if (!/^\d+$/.test(text))
    return [
      error(
        'PARCELS_FORMAT',
        'parcels',
        `"${text}" is not a whole number of parcels.`,
        sources.parcels,
      ),
    ];
  const parcels = Number(text);
  if (parcels < 1)
    return [
      error('PARCELS_TOO_FEW', 'parcels', 'A shipment has at least one parcel.', sources.parcels),
    ];
  // Each parcel holds at least 0.01 ct, so more parcels than hundredths of a carat is a typo.
  if (caratHundredths !== null && parcels > caratHundredths) {
    return [
      error(
        'PARCELS_EXCEED_CARATS',
        'parcels',
        `${parcels} parcels cannot weigh only ${draft.carats.trim()} ct in total; check the number of parcels and the carat weight.`,
        sources.parcels,
      ),
    ];
  }
  return [];
}
