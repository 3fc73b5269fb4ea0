// A manual channel's receipt as the user sees it (fax to Census's KP contact, or Census's secure
// file transfer; 31 CFR 592.301(a)(1)(iv)-(v)): what the user recorded, said for what it is.
// Nothing in it comes from the recipient, so it is never "verified" and its one check is "not
// checked": confirmed by the user, not by the recipient.
import type { ReceiptView } from '../../../shared/records/submission-views';
import type { ManualConfirmation } from './delivery-receipt';
import { describeReceipt, manualMethodWords } from './delivery-receipt';
import type { SubmissionRecord } from './submission-queries';

export function describeManualConfirmation(
  record: SubmissionRecord,
  confirmation: ManualConfirmation,
): ReceiptView {
  const sentAt = confirmation.sentAt ?? `${confirmation.sentOn}T00:00:00.000Z`;
  const how =
    confirmation.method === undefined ? 'sent' : `sent ${manualMethodWords[confirmation.method]}`;
  return {
    submissionId: record.item.id,
    receiptId: confirmation.reference,
    recipient: record.item.recipient,
    receivedAt: sentAt,
    status: 'accepted',
    warnings: [],
    auditHead: null,
    signerSubject: '',
    verified: false,
    checks: [
      {
        label: 'Confirmed by the user, not by the recipient',
        passed: null,
        detail: `${confirmation.confirmedBy.username} recorded that it was ${how}, reference ${confirmation.reference}. KP Desk did not send it and holds nothing from the recipient: ${describeReceipt(confirmation)}`,
      },
    ],
    confirmedByUser: {
      username: confirmation.confirmedBy.username,
      method: confirmation.method ?? null,
      sentAt,
      reference: confirmation.reference,
      note: confirmation.note ?? null,
      recordedAt: confirmation.recordedAt,
    },
  };
}
