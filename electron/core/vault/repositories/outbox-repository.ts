// The transactional outbox: what must be sent (a copy to Census, a report to USKPA) is written in
// the same transaction as the change that makes it due, and sent later by the submission code.
// A message is about a certificate, or (the void of a blank form never drafted) a stock number,
// or (issue 15) a foreign certificate received on an import.
// Each row gets its idempotency key here (number/kind/vN: the Nth message of that kind about that
// number to that recipient), fixed for life. Its digest is returned to the caller, whose own
// audit event records it (AppendInput.queued, audit/queued-digests.ts; issue 12: one event per
// operation, not one more per row), so a row added or edited behind the app's back fails the
// audit verification like any other record. A row the caller does not record that way is
// reported by the verification as added outside KP Desk.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CanonicalValue } from '../audit/canonical-json';
import { canonicalJson } from '../audit/canonical-json';
import { digestOf } from '../audit/entity-digest';
import type { QueuedRow } from '../audit/queued-digests';
import { outboxRowsOf } from './outbox-rows-of-certificate';

export type OutboxRecipient = 'census' | 'uskpa';

export type OutboxRow = {
  id: number;
  certificateId: number | null;
  stockNumber: string | null;
  recipient: OutboxRecipient;
  reason: string;
  payload: CanonicalValue;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  idempotencyKey: string;
};

/** After the IPPC ePhyto Hub's delivery statuses (migration 0110). */
export type OutboxStatus =
  | 'pending'
  | 'sending'
  | 'delivered'
  | 'delivered_with_warnings'
  | 'failed'
  | 'rejected'
  | 'cancelled';

type Row = {
  id: number;
  certificate_id: number | null;
  stock_number: string | null;
  recipient: OutboxRecipient;
  reason: string;
  payload_json: string;
  status: OutboxRow['status'];
  attempts: number;
  created_at: string;
  idempotency_key: string;
};

type OutboxInsert = {
  certificateId: number | null;
  stockNumber: string | null;
  incomingId: number | null;
  recipient: OutboxRecipient;
  reason: string;
  payload: string;
  at: string;
  prefix: string;
  prefixEnd: string;
};

function toOutbox(row: Row): OutboxRow {
  return {
    id: row.id,
    certificateId: row.certificate_id,
    stockNumber: row.stock_number,
    recipient: row.recipient,
    reason: row.reason,
    payload: JSON.parse(row.payload_json) as CanonicalValue,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    idempotencyKey: row.idempotency_key,
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

export function createOutboxRepository(db: Database, now: () => Date) {
  // The version is 1 + the messages of this kind about this number to this recipient so far,
  // counted as a range of the UNIQUE (recipient, idempotency_key) index ("N/reason/v" up to
  // "N/reason/w"): O(log n) per row. It used to join every row of the recipient to its
  // certificate (O(n) per row, so a queue of 10,000 made each issue slower). Numbers never hold
  // '/', so the range holds exactly the keys of this number and kind (the keys migration 0110
  // gave older rows have the same form).
  // RETURNING *: the row exactly as `SELECT * FROM outbox` reads it (entity-digest.ts), so its
  // digest is computed from what was written, without reading the row back.
  const insert = db.prepare<OutboxInsert, Row>(
    `INSERT INTO outbox (certificate_id, stock_number, incoming_id, recipient, reason,
       payload_json, status, created_at, next_due_at, idempotency_key)
     VALUES (@certificateId, @stockNumber, @incomingId, @recipient, @reason, @payload, 'pending',
       @at, @at,
       @prefix || (1 + (
         SELECT count(*) FROM outbox
          WHERE recipient = @recipient AND idempotency_key >= @prefix
            AND idempotency_key < @prefixEnd)))
     RETURNING *`,
  );
  const numberOf = db
    .prepare<[number], string>('SELECT number FROM certificates WHERE id = ?')
    .pluck();
  const add = (
    subject:
      | { certificateId: number; number: string }
      | { stockNumber: string }
      | { incomingId: number; number: string },
    recipient: OutboxRecipient,
    reason: string,
    payload: CanonicalValue,
  ): QueuedRow => {
    const certificateId = 'certificateId' in subject ? subject.certificateId : null;
    const stockNumber = 'stockNumber' in subject ? subject.stockNumber : null;
    const incomingId = 'incomingId' in subject ? subject.incomingId : null;
    const stem = `${'number' in subject ? subject.number : subject.stockNumber}/${reason}/`;
    const row = insert.get({
      certificateId,
      stockNumber,
      incomingId,
      recipient,
      reason,
      payload: canonicalJson(payload),
      at: now().toISOString(),
      prefix: `${stem}v`,
      // 'w' is the character after 'v': the end of the range of "…/v<version>" keys.
      prefixEnd: `${stem}w`,
    });
    if (row === undefined) throw new Error('outbox: the insert returned no row');
    return { outboxId: row.id, digest: digestOf(row) };
  };
  // The IN term is the partial index outbox_due's own WHERE, written out so that SQLite may read
  // the due rows from it (migration 0265): it does not infer it from status = 'pending'.
  const pending = db.prepare<[number], Row>(
    `SELECT * FROM outbox WHERE status IN ('pending', 'failed') AND status = 'pending'
      ORDER BY created_at, id LIMIT ?`,
  );
  // On the UNIQUE index by the certificate's number (outbox-rows-of-certificate.ts).
  const forCertificate = db.prepare<[number], Row>(
    `SELECT o.* FROM certificates AS c JOIN outbox AS o ON ${outboxRowsOf('c', 'o')}
      WHERE c.id = ? ORDER BY o.id`,
  );

  return {
    add: (
      certificateId: number,
      recipient: OutboxRecipient,
      reason: string,
      payload: CanonicalValue,
    ): QueuedRow => {
      const number = numberOf.get(certificateId);
      if (number === undefined) throw new Error(`outbox: no certificate ${String(certificateId)}`);
      return add({ certificateId, number }, recipient, reason, payload);
    },
    /** A message about a blank form (its number), not about a certificate. */
    addForStockNumber: (
      number: string,
      recipient: OutboxRecipient,
      reason: string,
      payload: CanonicalValue,
    ): QueuedRow => add({ stockNumber: number }, recipient, reason, payload),
    /** A message about a certificate received on an import (electron/core/incoming). */
    addForIncoming: (
      incoming: { incomingId: number; number: string },
      recipient: OutboxRecipient,
      reason: string,
      payload: CanonicalValue,
    ): QueuedRow => add(incoming, recipient, reason, payload),
    listPending: (limit = 100): OutboxRow[] => pending.all(limit).map(toOutbox),
    listForCertificate: (certificateId: number): OutboxRow[] =>
      forCertificate.all(certificateId).map(toOutbox),
  };
}
