// The wizard's steps in order, the certificate fields each one edits, and which step a draft
// reopens at: the first one that is not complete. A step is complete when none of its fields has
// an error-level finding under the issue rules, and what it records beyond the draft is there.
import type { CertificateField } from '../../../shared/domain/certificate-draft';
import type { Finding } from '../../../shared/domain/finding';

export const stepIds = [
  'parties',
  'shipment',
  'packaging',
  'warranty',
  'aes',
  'review',
  'sign',
] as const;
export type StepId = (typeof stepIds)[number];

export const stepTitles: Readonly<Record<StepId, string>> = {
  parties: 'Parties',
  shipment: 'Shipment',
  packaging: 'Packaging',
  warranty: 'Warranty',
  aes: 'AES and ITN',
  review: 'Review',
  sign: 'Sign and deliver',
};

/** The draft fields edited on each step: their findings are shown and judged there. */
export const stepFields: Readonly<Record<StepId, readonly CertificateField[]>> = {
  parties: [
    'exporter.name',
    'exporter.address',
    'consignee.name',
    'consignee.address',
    'destinationCountry',
  ],
  shipment: [
    'countryOfOrigin',
    'hsCodes',
    'parcels',
    'carats',
    'valueUsd',
    'dateOfIssue',
    'dateOfExpiry',
    'exportDate',
  ],
  packaging: [],
  warranty: [],
  aes: ['itn', 'aes.licenseType', 'aes.licenseNumber', 'aes.licenseValue', 'aes.ftzNumber'],
  review: [],
  sign: [],
};

/** The step that shows a field (the number is chosen before the first step). */
export function stepOfField(field: CertificateField): StepId | undefined {
  return stepIds.find((step) => stepFields[step].includes(field));
}

export function stepErrors(step: StepId, findings: readonly Finding[]): Finding[] {
  const fields = stepFields[step];
  return findings.filter((f) => f.severity === 'error' && fields.includes(f.field));
}

export type StepFacts = {
  findings: readonly Finding[];
  packagingDone: boolean;
  warrantyDone: boolean;
  /** The ITN was recorded (VALIDATED) or the certificate went further. */
  itnRecorded: boolean;
  issued: boolean;
};

export function isStepComplete(step: StepId, facts: StepFacts): boolean {
  switch (step) {
    case 'parties':
    case 'shipment':
      return stepErrors(step, facts.findings).length === 0;
    case 'packaging':
      return facts.packagingDone;
    case 'warranty':
      return facts.warrantyDone;
    case 'aes':
      return facts.itnRecorded && stepErrors('aes', facts.findings).length === 0;
    case 'review':
      return facts.issued;
    case 'sign':
      return false;
  }
}

/** Where a draft reopens: its first incomplete step (an issued one opens at signing). */
export function firstIncompleteStep(facts: StepFacts): StepId {
  if (facts.issued) return 'sign';
  return stepIds.find((step) => !isStepComplete(step, facts)) ?? 'sign';
}
