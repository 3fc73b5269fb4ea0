// What a proposed correction would change, field by field: the certificate as stored against the
// proposed draft, in the order of the form's fields (shared/domain/certificate-draft.ts). Every
// field is compared, not only those the correction form offers: a proposal may come from the CLI.
import type { CertificateDraft, CertificateField } from '../../../shared/domain/certificate-draft';
import { certificateFields } from '../../../shared/domain/certificate-draft';
import { textValue } from '../certificate/draft-fields';

export type FieldChange = { field: CertificateField; current: string; proposed: string };

function fieldText(draft: CertificateDraft, field: CertificateField): string {
  switch (field) {
    case 'hsCodes':
      return draft.hsCodes.join(', ');
    case 'aes.licenseType':
      return draft.aes?.licenseType ?? '';
    case 'aes.licenseNumber':
      return draft.aes?.licenseNumber ?? '';
    case 'aes.licenseValue':
      return draft.aes?.licenseValue ?? '';
    case 'aes.ftzNumber':
      return draft.aes?.ftzNumber ?? '';
    case 'domesticRecovery.site':
      return draft.domesticRecovery?.site ?? '';
    case 'domesticRecovery.notImported':
      return draft.domesticRecovery === undefined
        ? ''
        : draft.domesticRecovery.notImported
          ? 'declared not imported'
          : 'not declared';
    default:
      return textValue(draft, field);
  }
}

export function draftChanges(current: CertificateDraft, proposed: CertificateDraft): FieldChange[] {
  return certificateFields
    .map((field) => ({
      field,
      current: fieldText(current, field),
      proposed: fieldText(proposed, field),
    }))
    .filter((change) => change.current !== change.proposed);
}
