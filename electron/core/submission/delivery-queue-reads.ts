// What the delivery side reads back about the queue, for `kpdesk submit`/`kpdesk submissions` and
// the drain's progress: how many rows wait and when the next is due, the counts per status, one
// row or a list with what its receipt proves, the stored receipt. Read-only: every write (claim,
// outcome, retry, cancel) is in outbox-deliveries.ts, which returns these beside its writes.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OutboxRecipient, OutboxStatus } from '../vault/repositories/outbox-repository';
import type { DeliveryReceipt } from './delivery-receipt';
import { describeReceipt } from './delivery-receipt';
import { outboxRowFields } from './outbox-row-fields';

export type SubmissionView = {
  id: number;
  recipient: OutboxRecipient;
  kind: string;
  number: string;
  idempotencyKey: string;
  status: OutboxStatus;
  attempts: number;
  queuedAt: string;
  nextDueAt: string;
  lastAttemptAt: string | null;
  lastErrorCode: string | null;
  lastError: string | null;
  deliveredAt: string | null;
  receiptId: string | null;
  /**
   * What the receipt proves, in words: "Accepted by the mail server <host> as <message-id> ...",
   * "Confirmed by <user> ... not proven by the recipient", or the signed receipt's id.
   */
  deliveryNote: string | null;
};

/** An outbox row as `SELECT o.*` with its number and receipt reads it (VIEW, and the claim). */
export type ViewRow = {
  id: number;
  recipient: OutboxRecipient;
  reason: string;
  number: string;
  idempotency_key: string;
  status: OutboxStatus;
  attempts: number;
  created_at: string;
  next_due_at: string;
  last_attempt_at: string | null;
  last_error_code: string | null;
  last_error: string | null;
  delivered_at: string | null;
  receipt_id: string | null;
  /** The stored JSON of an e-mail or manual receipt (they name their channel); else NULL. */
  proof_json: string | null;
  certificate_id: number | null;
  incoming_id: number | null;
  payload_json: string;
  audit_head_seq: number | null;
  audit_head_hash: string | null;
};

const VIEW = `SELECT o.*, coalesce(c.number, o.stock_number, i.number) AS number, r.receipt_id,
    CASE WHEN json_extract(r.signed_receipt_json, '$.channel') IS NOT NULL
      THEN r.signed_receipt_json END AS proof_json
  FROM outbox AS o
  LEFT JOIN certificates AS c ON c.id = o.certificate_id
  LEFT JOIN incoming_certificates AS i ON i.id = o.incoming_id
  LEFT JOIN submission_receipts AS r ON r.outbox_id = o.id`;

function toView(row: ViewRow): SubmissionView {
  return {
    ...outboxRowFields(row),
    deliveryNote:
      row.proof_json !== null
        ? describeReceipt(JSON.parse(row.proof_json) as DeliveryReceipt)
        : row.receipt_id === null
          ? null
          : `Signed receipt ${row.receipt_id} from the recipient.`,
  };
}

/** Both recipients fit the statements' two placeholders; one is given twice. */
export const pair = (
  recipients: readonly OutboxRecipient[],
): [OutboxRecipient, OutboxRecipient] => {
  const first = recipients[0] ?? 'census';
  return [first, recipients[1] ?? first];
};

export type DeliveryQueueReads = ReturnType<typeof createDeliveryQueueReads>;

export function createDeliveryQueueReads(db: Database) {
  // INDEXED BY outbox_due (the due rows only): without statistics SQLite reads every row of
  // the recipients through the UNIQUE (recipient, idempotency_key) index instead.
  const waitingCount = db
    .prepare<[OutboxRecipient, OutboxRecipient], number>(
      `SELECT count(*) FROM outbox INDEXED BY outbox_due
        WHERE status IN ('pending', 'failed') AND recipient IN (?, ?)`,
    )
    .pluck();
  const earliestDue = db
    .prepare<[OutboxRecipient, OutboxRecipient], string | null>(
      `SELECT min(next_due_at) FROM outbox INDEXED BY outbox_due
        WHERE status IN ('pending', 'failed') AND recipient IN (?, ?)`,
    )
    .pluck();
  const counts = db.prepare<[], { status: OutboxStatus; recipient: OutboxRecipient; n: number }>(
    'SELECT status, recipient, count(*) AS n FROM outbox GROUP BY status, recipient',
  );
  const byId = db.prepare<[number], ViewRow>(`${VIEW} WHERE o.id = ?`);
  const receiptOf = db
    .prepare<[number], string>(
      'SELECT signed_receipt_json FROM submission_receipts WHERE outbox_id = ?',
    )
    .pluck();

  return {
    waiting: (recipients: readonly OutboxRecipient[]): number =>
      recipients.length === 0 ? 0 : (waitingCount.get(...pair(recipients)) ?? 0),
    earliestDue: (recipients: readonly OutboxRecipient[]): string | null =>
      recipients.length === 0 ? null : (earliestDue.get(...pair(recipients)) ?? null),
    counts: () => counts.all(),
    get: (id: number): SubmissionView | null => {
      const row = byId.get(id);
      return row === undefined ? null : toView(row);
    },
    list: (filter: { status?: OutboxStatus; limit?: number } = {}): SubmissionView[] =>
      db
        .prepare<unknown[], ViewRow>(
          `${VIEW} ${filter.status === undefined ? '' : 'WHERE o.status = ?'} ORDER BY o.id LIMIT ?`,
        )
        .all(...(filter.status === undefined ? [] : [filter.status]), filter.limit ?? 1000)
        .map(toView),
    /** The stored receipt: signed (HTTPS), the mail server's acceptance, or a confirmation. */
    receipt: (id: number): DeliveryReceipt | null => {
      const text = receiptOf.get(id);
      return text === undefined ? null : (JSON.parse(text) as DeliveryReceipt);
    },
  };
}
