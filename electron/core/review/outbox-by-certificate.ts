// The submission outbox (electron/core/submission) as the review reads it: every message about
// each certificate, with its delivery status and the stored signed receipt when there is one.
// The review reads every row, so it reads them in the table's own order (no sort, no index on
// certificate_id since migration 0300); each certificate's list is still in id order.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OutboxRecipient, OutboxStatus } from '../vault/repositories/outbox-repository';

export type ReviewedMessage = {
  id: number;
  recipient: OutboxRecipient;
  reason: string;
  status: OutboxStatus;
  idempotencyKey: string;
  payloadJson: string;
  auditHeadSeq: number | null;
  auditHeadHash: string | null;
  deliveredAt: string | null;
  lastError: string | null;
  receiptJson: string | null;
};

type Row = {
  id: number;
  certificate_id: number;
  recipient: OutboxRecipient;
  reason: string;
  status: OutboxStatus;
  idempotency_key: string;
  payload_json: string;
  audit_head_seq: number | null;
  audit_head_hash: string | null;
  delivered_at: string | null;
  last_error: string | null;
  signed_receipt_json: string | null;
};

export function readOutboxByCertificate(db: Database): Map<number, ReviewedMessage[]> {
  const rows = db
    .prepare<[], Row>(
      `SELECT o.id, o.certificate_id, o.recipient, o.reason, o.status, o.idempotency_key,
              o.payload_json, o.audit_head_seq, o.audit_head_hash, o.delivered_at, o.last_error,
              r.signed_receipt_json
         FROM outbox AS o LEFT JOIN submission_receipts AS r ON r.outbox_id = o.id
        WHERE o.certificate_id IS NOT NULL
        ORDER BY o.id`,
    )
    .all();
  const map = new Map<number, ReviewedMessage[]>();
  for (const row of rows) {
    const list = map.get(row.certificate_id) ?? [];
    list.push({
      id: row.id,
      recipient: row.recipient,
      reason: row.reason,
      status: row.status,
      idempotencyKey: row.idempotency_key,
      payloadJson: row.payload_json,
      auditHeadSeq: row.audit_head_seq,
      auditHeadHash: row.audit_head_hash,
      deliveredAt: row.delivered_at,
      lastError: row.last_error,
      receiptJson: row.signed_receipt_json,
    });
    map.set(row.certificate_id, list);
  }
  return map;
}

export const isDelivered = (message: ReviewedMessage): boolean =>
  message.status === 'delivered' || message.status === 'delivered_with_warnings';

/** Given up on: nobody will send it again unless a person acts. */
export const isAbandoned = (message: ReviewedMessage): boolean =>
  message.status === 'rejected' || message.status === 'cancelled';

export const STATUS_WORDS: Record<OutboxStatus, string> = {
  pending: 'waiting to be sent',
  sending: 'being sent',
  delivered: 'delivered',
  delivered_with_warnings: 'delivered with warnings',
  failed: 'failed and will be retried',
  rejected: 'rejected and needs you',
  cancelled: 'cancelled',
};
