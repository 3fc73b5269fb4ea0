// A valid certificate to start each rule test from: every test corrupts one thing.
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { CertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import type { ValidationContext } from '../../../shared/domain/validation-report';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';

export function validDraft(): CertificateDraft {
  return CertificateDraftSchema.parse({
    number: 'US12345',
    countryOfOrigin: 'CD',
    dateOfIssue: '2026-11-27',
    dateOfExpiry: '2027-01-26',
    exportDate: '2026-11-28',
    exporter: {
      name: 'Hudson Rough Trading LLC',
      address: '580 Fifth Avenue\nNew York, NY 10036\nUnited States',
    },
    consignee: { name: 'Diamant Import NV', address: 'Hoveniersstraat 30\n2018 Antwerp\nBelgium' },
    destinationCountry: 'BE',
    carats: '12.50',
    valueUsd: '15000.00',
    parcels: '2',
    hsCodes: ['7102.31'],
    itn: 'X20261127123456',
  });
}

export const issueContext: ValidationContext = {
  settings: defaultValidationSettings,
  purpose: 'issue',
};
export const draftContext: ValidationContext = {
  settings: defaultValidationSettings,
  purpose: 'draft',
};

type DraftPatch = Partial<Omit<CertificateDraft, 'exporter' | 'consignee'>> & {
  exporter?: Partial<CertificateDraft['exporter']>;
  consignee?: Partial<CertificateDraft['consignee']>;
};

/** The valid draft with some fields changed. */
export function draftWith(patch: DraftPatch): CertificateDraft {
  const base = validDraft();
  return {
    ...base,
    ...patch,
    exporter: { ...base.exporter, ...patch.exporter },
    consignee: { ...base.consignee, ...patch.consignee },
  };
}
