// Reading and writing the draft's text fields by their path ("consignee.address"), so that one
// input per CertificateField can be wired the same way. Updates return a new draft: the live
// check and the "changed since checked" test rely on object identity.
import type { CertificateDraft, CertificateField } from '../../../shared/domain/certificate-draft';

/** The fields this form edits as one line or block of text (HS code is a select of its own). */
export type TextField = Exclude<
  CertificateField,
  'hsCodes' | `aes.${string}` | `domesticRecovery.${string}`
>;

export function textValue(draft: CertificateDraft, field: TextField): string {
  switch (field) {
    case 'exporter.name':
      return draft.exporter.name;
    case 'exporter.address':
      return draft.exporter.address;
    case 'consignee.name':
      return draft.consignee.name;
    case 'consignee.address':
      return draft.consignee.address;
    default:
      return draft[field];
  }
}

export function withTextValue(
  draft: CertificateDraft,
  field: TextField,
  value: string,
): CertificateDraft {
  switch (field) {
    case 'exporter.name':
      return { ...draft, exporter: { ...draft.exporter, name: value } };
    case 'exporter.address':
      return { ...draft, exporter: { ...draft.exporter, address: value } };
    case 'consignee.name':
      return { ...draft, consignee: { ...draft.consignee, name: value } };
    case 'consignee.address':
      return { ...draft, consignee: { ...draft.consignee, address: value } };
    default:
      return { ...draft, [field]: value };
  }
}

/** The one HS code chosen in the select; the draft holds a list (a file may carry several). */
export function withHsCode(draft: CertificateDraft, code: string): CertificateDraft {
  return { ...draft, hsCodes: code === '' ? [] : [code] };
}
