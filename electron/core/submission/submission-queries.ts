// Reading the queue for the app's screens: the submissions (filtered by status or certificate),
// one row with what its receipt is checked against, and the count of rows that need the user.
// Read-only; every write goes through outbox-deliveries.ts.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SubmissionItem, SubmissionStatus } from '../../../shared/records/submission-views';
import { outboxRowsOf } from '../vault/repositories/outbox-rows-of-certificate';
import { outboxRowFields } from './outbox-row-fields';

type Row = {
  id: number;
  recipient: SubmissionItem['recipient'];
  reason: string;
  number: string;
  certificate_id: number | null;
  idempotency_key: string;
  status: SubmissionStatus;
  attempts: number;
  created_at: string;
  next_due_at: string;
  last_attempt_at: string | null;
  last_error_code: string | null;
  last_error: string | null;
  delivered_at: string | null;
  receipt_id: string | null;
  audit_head_seq: number | null;
  audit_head_hash: string | null;
};

const COLUMNS = `SELECT o.id, o.recipient, o.reason, coalesce(c.number, o.stock_number, i.number) AS number,
    o.certificate_id, o.idempotency_key, o.status, o.attempts, o.created_at, o.next_due_at,
    o.last_attempt_at, o.last_error_code, o.last_error, o.delivered_at, r.receipt_id,
    o.audit_head_seq, o.audit_head_hash`;
const JOINED = `LEFT JOIN incoming_certificates AS i ON i.id = o.incoming_id
  LEFT JOIN submission_receipts AS r ON r.outbox_id = o.id`;
const SELECT = `${COLUMNS}
  FROM outbox AS o
  LEFT JOIN certificates AS c ON c.id = o.certificate_id
  ${JOINED}`;
/** One certificate's rows (c.id = ?), on the UNIQUE index by its number (migration 0300). */
const OF_CERTIFICATE = `${COLUMNS}
  FROM certificates AS c JOIN outbox AS o ON ${outboxRowsOf('c', 'o')}
  ${JOINED}
  WHERE c.id = ?`;

function toItem(row: Row): SubmissionItem {
  return { ...outboxRowFields(row), certificateId: row.certificate_id };
}

export type SubmissionRecord = {
  item: SubmissionItem;
  /** USKPA: the audit head the envelope carried (frozen at the first attempt). */
  auditHead: { seq: number; hash: string } | null;
};

export type SubmissionQueries = ReturnType<typeof createSubmissionQueries>;

export function createSubmissionQueries(db: Database) {
  const byId = db.prepare<[number], Row>(`${SELECT} WHERE o.id = ?`);
  const byCertificate = db.prepare<[number], Row>(`${OF_CERTIFICATE} ORDER BY o.id`);
  const needsUser = db
    .prepare<[], number>("SELECT count(*) FROM outbox WHERE status = 'rejected'")
    .pluck();
  const receiptJson = db
    .prepare<[number], string>(
      'SELECT signed_receipt_json FROM submission_receipts WHERE outbox_id = ?',
    )
    .pluck();
  const delivered = db
    .prepare<[], number>('SELECT outbox_id FROM submission_receipts ORDER BY outbox_id')
    .pluck();
  return {
    /** Newest first: what just happened is what the user looks for. */
    list: (filter: {
      status?: SubmissionStatus;
      certificateId?: number;
      limit: number;
    }): SubmissionItem[] => {
      const where: string[] = [];
      const args: (string | number)[] = [];
      // A certificate's rows: OF_CERTIFICATE's WHERE c.id = ? comes first.
      if (filter.certificateId !== undefined) args.push(filter.certificateId);
      if (filter.status !== undefined) {
        where.push('o.status = ?');
        args.push(filter.status);
      }
      const sql =
        filter.certificateId === undefined
          ? `${SELECT} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
        ORDER BY o.id DESC LIMIT ?`
          : `${OF_CERTIFICATE} ${where.map((term) => `AND ${term}`).join(' ')}
        ORDER BY o.id DESC LIMIT ?`;
      return db
        .prepare<(string | number)[], Row>(sql)
        .all(...args, filter.limit)
        .map(toItem);
    },
    forCertificate: (certificateId: number): SubmissionItem[] =>
      byCertificate.all(certificateId).map(toItem),
    get: (id: number): SubmissionRecord | null => {
      const row = byId.get(id);
      if (row === undefined) return null;
      return {
        item: toItem(row),
        auditHead:
          row.audit_head_seq === null || row.audit_head_hash === null
            ? null
            : { seq: row.audit_head_seq, hash: row.audit_head_hash },
      };
    },
    needsUser: (): number => needsUser.get() ?? 0,
    receiptJson: (id: number): string | null => receiptJson.get(id) ?? null,
    /** Ids of every submission that has a stored receipt. */
    withReceipts: (): number[] => delivered.all(),
  };
}
