// The recipients' names and the settings answer, shared by RecipientsSection and RecipientForm.
import type { SubmissionRecipient } from '../../../shared/records/submission-recipient-settings';
import type { RecipientFileField, RecipientView } from '../../../shared/records/submission-views';

export type Recipients = {
  recipients: RecipientView[];
  chosen: {
    recipient: SubmissionRecipient;
    field: RecipientFileField;
    fileName: string;
    description: string;
  }[];
};

export const recipientTitles: Record<SubmissionRecipient, string> = {
  census: 'Census (copies after export and on voiding)',
  uskpa: 'USKPA (reports of each certificate’s use)',
};

export const recipientNames: Record<SubmissionRecipient, string> = {
  census: 'Census',
  uskpa: 'USKPA',
};

export const channelWords: Record<string, string> = {
  https: 'HTTPS with mutual TLS',
  smtp: 'E-mail (SMTP over TLS)',
  manual: 'Manual (fax or secure file transfer, confirmed by you)',
};
