// Words the wizard quotes rather than paraphrases, each with where it comes from. The System of
// Warranties wordings come from shared/reference (us-reference.json, with its sources).
import { systemOfWarranties } from '../../../shared/reference/reference-data';
import { userFacingNote } from '../../../shared/reference/user-facing-note';

/** 31 CFR 592.314, the definition of a tamper-resistant container (quoted). */
export const tamperResistantDefinition =
  'Tamper-resistant container: packaging having an indicator or barrier to entry that could ' +
  'reasonably be expected to provide visible evidence that tampering had occurred.';
export const tamperResistantNotEnough =
  'Ordinary mailing or express packaging does not count, nor does packaging with a resealable ' +
  'plastic bag inside.';
export const TAMPER_SOURCE = '31 CFR 592.314; 592.301(a)(2)';

/** Common kinds of tamper-evident packaging; "other" asks for a description. */
export const containerTypes = [
  'Tamper-evident security bag, single use, serial-numbered',
  'Sealed security box with numbered seal',
  'Sealed container closed with tamper-evident tape',
  'Other tamper-resistant packaging',
] as const;
export const OTHER_CONTAINER = containerTypes[3];

/**
 * USKPA's attestation, in the words of its certificate system (USKPA-dev/uskpa kpc/models.py,
 * Certificate.attested): the licensee confirms it before a certificate is issued.
 */
export const uskpaAttestation =
  'I have completed the necessary application pertaining to this shipment, including the ' +
  'warranty that the diamonds being shipped were not traded to fund conflict.';
export const ATTESTATION_SOURCE = 'USKPA licensee attestation; WDC System of Warranties';

export type WarrantyWording = 'revised' | 'original';

/** The statement to print on the invoice; the revised one without its optional parts. */
export function warrantyStatement(wording: WarrantyWording): string {
  if (wording === 'original') return systemOfWarranties.original;
  return systemOfWarranties.revised
    .replace('{sourced} ', '')
    .replace(' {where the invoice is generated}', '');
}

// Without the data's research markers ("(UNCONFIRMED exact end dates)"): see user-facing-note.ts.
export const warrantyNotes = userFacingNote(systemOfWarranties.notes);
