// Confirms a cancel: says what stays undone, so nobody cancels a Census copy by accident.
import type { SubmissionItem } from '../../../shared/records/submission-views';
import { ConfirmDialog } from '../records/ConfirmDialog';
import { recipientNames } from './submission-words';

type Props = {
  item: SubmissionItem;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

export function CancelSubmissionDialog({ item, busy, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog
      title={`Cancel the submission of ${item.number} to ${recipientNames[item.recipient]}?`}
      confirmLabel="Cancel the submission"
      cancelLabel="Keep it queued"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        KP Desk will not send it again. The duty stays yours: {recipientNames[item.recipient]} must
        still receive this copy another way (31 CFR 592.301(a)(1)(iv)-(v)), and KP Desk keeps
        showing a Census copy as overdue until one is delivered.
      </p>
    </ConfirmDialog>
  );
}
