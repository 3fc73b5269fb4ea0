// The fields of a queued copy that both readers show under the same names: the app's screens
// (submission-queries.ts, SubmissionItem) and the CLI's `kpdesk submit`/`submissions`
// (delivery-queue-reads.ts, SubmissionView). Each adds its own: the certificate id, or the words
// for what the receipt proves.
type Columns<R, S> = {
  id: number;
  recipient: R;
  reason: string;
  number: string;
  idempotency_key: string;
  status: S;
  attempts: number;
  created_at: string;
  next_due_at: string;
  last_attempt_at: string | null;
  last_error_code: string | null;
  last_error: string | null;
  delivered_at: string | null;
  receipt_id: string | null;
};

export function outboxRowFields<R, S>(row: Columns<R, S>) {
  return {
    id: row.id,
    recipient: row.recipient,
    kind: row.reason,
    number: row.number,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    queuedAt: row.created_at,
    nextDueAt: row.next_due_at,
    lastAttemptAt: row.last_attempt_at,
    lastErrorCode: row.last_error_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    receiptId: row.receipt_id,
  };
}
