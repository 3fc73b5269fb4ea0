// A submission's status as a badge: its words, never colour alone.
import type { SubmissionStatus } from '../../../shared/records/submission-views';
import { statusLabels } from './submission-words';

export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  return (
    <span className={`submission-status submission-status--${status}`}>{statusLabels[status]}</span>
  );
}
