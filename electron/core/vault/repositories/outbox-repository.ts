// The transactional outbox: what must be sent (a copy to Census, a report to USKPA) is written in
// the same transaction as the change that makes it due, and sent later by the submission code.
// A message is about a certificate, or (the void of a blank form never drafted) a stock number.
import type { Database } from 'better-sqlite3-multiple-ciphers';
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
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
};

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
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

export function createOutboxRepository(db: Database, now: () => Date) {
  const insert = db.prepare(
    `INSERT INTO outbox (certificate_id, recipient, reason, payload_json, status, created_at)
     VALUES (?, ?, ?, ?, 'pending', ?)`,
  );
  const insertForNumber = db.prepare(
    `INSERT INTO outbox (stock_number, recipient, reason, payload_json, status, created_at)
     VALUES (?, ?, ?, ?, 'pending', ?)`,
  );
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
    ): number =>
      Number(
        insert.run(certificateId, recipient, reason, canonicalJson(payload), now().toISOString())
          .lastInsertRowid,
      ),
    /** A message about a blank form (its number), not about a certificate. */
    addForStockNumber: (
      number: string,
      recipient: OutboxRecipient,
      reason: string,
      payload: CanonicalValue,
    ): number =>
      Number(
        insertForNumber.run(number, recipient, reason, canonicalJson(payload), now().toISOString())
          .lastInsertRowid,
      ),
    listPending: (limit = 100): OutboxRow[] => pending.all(limit).map(toOutbox),
    listForCertificate: (certificateId: number): OutboxRow[] =>
      forCertificate.all(certificateId).map(toOutbox),
  };
}
