// What the packaging and warranty steps record beyond the draft. The draft's autosave keeps them
// as typed (certificates:updateDraft), so a reopened draft resumes with them; the vault records
// them complete when the certificate is issued (certificates:issue). Each step checks its own
// entries and names the field and the rule when one is missing.
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import type { DraftPackaging, DraftWarranty } from '../../../shared/records/issuance-inputs';
import type { CertificateRecord } from './use-wizard-record';
import { OTHER_CONTAINER, uskpaAttestation, warrantyStatement } from './wizard-texts';
import type { WarrantyWording } from './wizard-texts';

export type PackagingEntry = {
  containerType: string;
  otherDescription: string;
  meetsDefinition: boolean;
  parcelsInContainer: string;
  seals: string;
  numberOnContainer: boolean;
};

export type WarrantyEntry = { wording: WarrantyWording; invoices: string; attested: boolean };

/** Field id → what is wrong, in plain words with the rule. */
export type Problems = Readonly<Record<string, string>>;

export const emptyPackaging: PackagingEntry = {
  containerType: '',
  otherDescription: '',
  meetsDefinition: false,
  parcelsInContainer: '',
  seals: '',
  numberOnContainer: false,
};

export const emptyWarranty: WarrantyEntry = { wording: 'revised', invoices: '', attested: false };

/** "S-1, S-2" or one per line → ["S-1", "S-2"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function packagingProblems(entry: PackagingEntry, draft: CertificateDraft): Problems {
  const problems: Record<string, string> = {};
  // 31 CFR 592.301(a)(2), 592.314: shipped sealed in a tamper-resistant container.
  if (entry.containerType === '')
    problems['packaging-container'] = 'Choose the kind of tamper-resistant container (592.314).';
  if (entry.containerType === OTHER_CONTAINER && entry.otherDescription.trim() === '')
    problems['packaging-other'] = 'Describe the container and how it shows tampering.';
  if (!entry.meetsDefinition)
    problems['packaging-meets'] =
      'Confirm that the container meets the definition of 31 CFR 592.314; if it does not, repack the shipment.';
  const inContainer = entry.parcelsInContainer.trim();
  if (!/^\d+$/.test(inContainer))
    problems['packaging-parcels'] =
      'Count the parcels you sealed in the container (a whole number).';
  else if (draft.parcels.trim() !== '' && Number(inContainer) !== Number(draft.parcels.trim()))
    problems['packaging-parcels'] =
      `You sealed ${inContainer} parcel(s), but the certificate says ${draft.parcels.trim()}. The number of parcels must match (31 CFR 592.307(j)).`;
  if (splitList(entry.seals).length === 0)
    problems['packaging-seals'] = 'Enter the seal number(s) of the container, one per line.';
  return problems;
}

export function warrantyProblems(entry: WarrantyEntry): Problems {
  const problems: Record<string, string> = {};
  if (splitList(entry.invoices).length === 0)
    problems['warranty-invoices'] =
      'Enter the number of each invoice that carries the warranty statement.';
  if (!entry.attested)
    problems['warranty-attested'] =
      'Tick the attestation: USKPA requires it before a certificate is issued.';
  return problems;
}

export const hasNoProblems = (problems: Problems) => Object.keys(problems).length === 0;

/** The packaging as the vault records it at issue. */
export function packagingForIssue(entry: PackagingEntry, number: string) {
  const kind =
    entry.containerType === OTHER_CONTAINER ? entry.otherDescription.trim() : entry.containerType;
  const parcels = entry.parcelsInContainer.trim();
  const marked = entry.numberOnContainer
    ? `; certificate number ${number} written on the container`
    : '';
  return {
    description: `${kind}; ${parcels} parcel(s) sealed inside${marked}`,
    sealNumbers: splitList(entry.seals),
  };
}

export function warrantyForIssue(entry: WarrantyEntry) {
  return { statement: warrantyStatement(entry.wording), invoiceNumbers: splitList(entry.invoices) };
}

/** What the draft's autosave keeps: the entries as typed, without the attestation. */
export type DraftExtras = { packaging: DraftPackaging; warranty: DraftWarranty };

export function extrasForDraft(packaging: PackagingEntry, warranty: WarrantyEntry): DraftExtras {
  return {
    packaging: { ...packaging },
    warranty: { wording: warranty.wording, invoices: warranty.invoices },
  };
}

/**
 * The entries a reopened draft resumes with: what its autosave kept. The attestation always
 * starts unticked: the licensee gives it anew before issuing (USKPA).
 */
export function savedExtras(record: CertificateRecord | null): {
  packaging: PackagingEntry;
  warranty: WarrantyEntry;
} {
  const packaging = record === null || 'description' in record.packaging ? {} : record.packaging;
  const warranty = record === null || 'statement' in record.warranty ? {} : record.warranty;
  return {
    packaging: { ...emptyPackaging, ...packaging },
    warranty: { ...emptyWarranty, ...warranty, attested: false },
  };
}

/** An issued certificate already carries its packaging and warranty. */
export function recordedExtras(record: CertificateRecord | null): {
  packagingDone: boolean;
  warrantyDone: boolean;
} {
  return {
    packagingDone: record !== null && 'description' in record.packaging,
    warrantyDone: record !== null && 'statement' in record.warranty,
  };
}

export const attestationText = uskpaAttestation;
