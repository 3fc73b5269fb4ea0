// What every step receives from the frame: the draft, a way to change it, and the findings the
// user should see now on each field (after leaving the field, or after trying to go on).
import type { CertificateDraft, CertificateField } from '../../../shared/domain/certificate-draft';
import type { Finding } from '../../../shared/domain/finding';
import type { TextField as TextFieldName } from '../certificate/draft-fields';
import type { TextFieldBinding } from '../certificate/TextField';

export type StepKit = {
  draft: CertificateDraft;
  update: (change: (draft: CertificateDraft) => CertificateDraft) => void;
  bind: (field: TextFieldName) => TextFieldBinding;
  findingsFor: (field: CertificateField) => Finding[];
  /** Whether the problems of this step's own (non-draft) fields are shown yet. */
  showProblems: boolean;
  /** Says something through the wizard's status region (a copy, a saved party). */
  announce: (message: string) => void;
};
