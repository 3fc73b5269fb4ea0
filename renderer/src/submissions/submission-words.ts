// The words the app uses for submissions. "Delivered" only for a copy whose signed receipt was
// checked (the core stores a receipt only then); every other status says what was not
// established yet, and what happens next.
import type { SubmissionItem, SubmissionStatus } from '../../../shared/records/submission-views';
import { formatTimestamp } from '../records/record-format';

export const statusLabels: Record<SubmissionStatus, string> = {
  pending: 'Pending',
  sending: 'Sending',
  delivered: 'Delivered',
  delivered_with_warnings: 'Delivered with warnings',
  failed: 'Failed (will retry)',
  rejected: 'Rejected (needs you)',
  cancelled: 'Cancelled',
};

export const recipientNames: Record<SubmissionItem['recipient'], string> = {
  census: 'Census',
  uskpa: 'USKPA',
};

const kindWords: Record<string, string> = {
  issued: 'Certificate issued',
  shipped: 'Copy after export',
  voided: 'Copy after voiding',
  corrected: 'Correction',
  delivered: 'Delivery confirmed',
};

export function kindText(kind: string): string {
  return kindWords[kind] ?? kind;
}

/**
 * One sentence on where the copy stands, naming what is not established yet. `manual`: the
 * recipient is set to fax or secure file transfer, so KP Desk sends nothing itself and a
 * delivered copy is one the user confirmed, not one the recipient acknowledged.
 */
export function statusDetail(item: SubmissionItem, manual = false): string {
  if (manual && (item.status === 'pending' || item.status === 'failed'))
    return 'Waiting for you: fax it or upload it (Prepare fax package…), then record the confirmation. Until then it stays Pending.';
  if (manual && item.status === 'delivered')
    return `Confirmed by the user, not by the recipient: reference ${item.receiptId ?? ''}, recorded ${formatTimestamp(item.deliveredAt ?? '')}.`;
  switch (item.status) {
    case 'pending':
      return item.attempts === 0
        ? 'Not sent yet: nothing has reached the recipient.'
        : 'Queued to be sent again: no receipt yet.';
    case 'sending':
      return 'Being sent now: not delivered until the receipt checks out.';
    case 'delivered':
      return `Receipt ${item.receiptId ?? ''} checked on ${formatTimestamp(item.deliveredAt ?? '')}.`;
    case 'delivered_with_warnings':
      return `Received with warnings (receipt ${item.receiptId ?? ''}): read them in the receipt.`;
    case 'failed':
      return `Not delivered: ${item.lastError ?? 'the last attempt failed'} Next attempt ${formatTimestamp(item.nextDueAt)}.`;
    case 'rejected':
      return `Not delivered, and KP Desk will not retry on its own: ${item.lastError ?? 'the recipient refused it.'}`;
    case 'cancelled':
      return 'Cancelled by a user: it will not be sent, and it was not delivered.';
  }
}

export const needsUser = (item: SubmissionItem): boolean => item.status === 'rejected';
export const mayRetry = (item: SubmissionItem): boolean =>
  item.status === 'rejected' || item.status === 'failed';
export const mayCancel = (item: SubmissionItem): boolean =>
  item.status === 'pending' || item.status === 'failed' || item.status === 'rejected';

/** A manual copy the user may package and confirm: not delivered, not cancelled. */
export const mayConfirmManually = (item: SubmissionItem): boolean =>
  item.status === 'pending' || item.status === 'failed' || item.status === 'rejected';
