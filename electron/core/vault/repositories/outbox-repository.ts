// The transactional outbox: what must be sent (a copy to Census, a report to USKPA) is written in
// the same transaction as the change that makes it due, and sent later by the submission code.
// A message is about a certificate, or (the void of a blank form never drafted) a stock number,
// or (issue 15) a foreign certificate received on an import.
// Each row gets its idempotency key here (number/kind/vN: the Nth message of that kind about that
// number to that recipient), fixed for life, and an audit event (migration 0110), so a row added
// or edited behind the app's back fails the audit verification like any other record.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditWriter } from '../audit/audit-chain';
import type { CanonicalValue } from '../audit/canonical-json';
import { canonicalJson } from '../audit/canonical-json';

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

export function createOutboxRepository(db: Database, now: () => Date, audit: AuditWriter) {
  const insert = db.prepare(
    `INSERT INTO outbox (certificate_id, stock_number, incoming_id, recipient, reason,
       payload_json, status, created_at, next_due_at, idempotency_key)
     VALUES (@certificateId, @stockNumber, @incomingId, @recipient, @reason, @payload, 'pending',
       @at, @at, @number || '/' || @reason || '/v' || (1 + (
         SELECT count(*) FROM outbox AS o LEFT JOIN certificates AS c ON c.id = o.certificate_id
           LEFT JOIN incoming_certificates AS i ON i.id = o.incoming_id
          WHERE o.recipient = @recipient AND o.reason = @reason
            AND coalesce(c.number, o.stock_number, i.number) = @number)))`,
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
  ): number => {
    const certificateId = 'certificateId' in subject ? subject.certificateId : null;
    const stockNumber = 'stockNumber' in subject ? subject.stockNumber : null;
    const incomingId = 'incomingId' in subject ? subject.incomingId : null;
    const id = Number(
      insert.run({
        certificateId,
        stockNumber,
        incomingId,
        number: 'number' in subject ? subject.number : stockNumber,
        recipient,
        reason,
        payload: canonicalJson(payload),
        at: now().toISOString(),
      }).lastInsertRowid,
    );
    // Queued by KP Desk as part of the change the caller's own event records.
    audit.append({ userId: null, action: 'submission.queue', entityType: 'outbox', entityId: id });
    return id;
  };
  const pending = db.prepare<[number], Row>(
    "SELECT * FROM outbox WHERE status = 'pending' ORDER BY created_at, id LIMIT ?",
  );
  const forCertificate = db.prepare<[number], Row>(
    'SELECT * FROM outbox WHERE certificate_id = ? ORDER BY id',
  );

  return {
    add: (
      certificateId: number,
      recipient: OutboxRecipient,
      reason: string,
      payload: CanonicalValue,
    ): number => {
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
    ): number => add({ stockNumber: number }, recipient, reason, payload),
    /** A message about a certificate received on an import (electron/core/incoming). */
    addForIncoming: (
      incoming: { incomingId: number; number: string },
      recipient: OutboxRecipient,
      reason: string,
      payload: CanonicalValue,
    ): number => add(incoming, recipient, reason, payload),
    listPending: (limit = 100): OutboxRow[] => pending.all(limit).map(toOutbox),
    listForCertificate: (certificateId: number): OutboxRow[] =>
      forCertificate.all(certificateId).map(toOutbox),
  };
}
