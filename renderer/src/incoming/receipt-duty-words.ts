// How a receipt confirmation's state reads in Records: the due date, and "Overdue" once its 15
// calendar days after entry have passed without a "sent on" (KPCS Section IV(c)).
import type { IncomingListItem } from '../../../shared/incoming/incoming-views';

export function receiptDutyText(item: IncomingListItem): string {
  switch (item.receiptDuty) {
    case 'sent':
      return `Sent on ${item.receiptSentOn ?? ''}`;
    case 'overdue':
      return `Overdue: was due ${item.receiptDueOn}`;
    case 'due-soon':
      return `Due soon: by ${item.receiptDueOn}`;
    case 'due':
      return `Due by ${item.receiptDueOn}`;
  }
}

const STATUS_WORDS: Record<string, string> = {
  pending: 'Waiting to be sent',
  sending: 'Sending',
  delivered: 'Delivered (receipt kept)',
  delivered_with_warnings: 'Delivered with warnings',
  failed: 'Failed; will retry',
  rejected: 'Rejected: needs you',
  cancelled: 'Cancelled',
};

export function censusCopyText(item: IncomingListItem): string {
  if (item.censusCopy === null) return 'Not queued';
  return STATUS_WORDS[item.censusCopy.status] ?? item.censusCopy.status;
}
