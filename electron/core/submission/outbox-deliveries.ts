// The delivery side of the outbox: every status change of a submission is one transaction with
// its audit event ('outbox' entity; the receipt is its own 'submission_receipt' entity), so the
// audit verification catches a row or receipt edited behind the app's back, and a crash leaves
// either the old status or the new one. Only this file writes the delivery columns.
// Two processes may drain one vault (`kpdesk submit` and the app's background drain): a row is
// claimed by one atomic UPDATE (status 'sending', lease_owner, lease_until) in a BEGIN IMMEDIATE
// transaction, so the second process waits for the write lock and then sees the row taken; a
// Sending row is taken back only when its holder is gone (delivery-lease.ts), and an outcome is
// recorded only by the holder of the lease.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditWriter } from '../vault/audit/audit-chain';
import type { CanonicalValue } from '../vault/audit/canonical-json';
import { canonicalJson } from '../vault/audit/canonical-json';
import type { OutboxRecipient, OutboxStatus } from '../vault/repositories/outbox-repository';
import type { ChannelOutcome, DeliveryErrorCode } from './channel-outcome';
export type { SubmissionView } from './delivery-queue-reads';
import type { AuditHead } from './submission-envelope';
import type { MailReceipt } from './delivery-receipt';
import type { ViewRow } from './delivery-queue-reads';
import { createDeliveryQueueReads, pair } from './delivery-queue-reads';
import { lastStoredEvent } from '../vault/audit/audit-event-tables';
import type { LeaseState } from './delivery-lease';
import {
  DEFAULT_LEASE_MS,
  holdHere,
  leaseState,
  releaseHere,
  thisProcessOwner,
} from './delivery-lease';

export type ClaimedSubmission = {
  id: number;
  recipient: OutboxRecipient;
  kind: string;
  number: string;
  certificateId: number | null;
  /** A foreign certificate received on an import (issue 15), else null. */
  incomingId: number | null;
  idempotencyKey: string;
  payload: CanonicalValue;
  queuedAt: string;
  /** Attempts including this one. */
  attempt: number;
  /** USKPA: the head frozen at the first attempt, sent unchanged on every retry. */
  auditHead: AuditHead | null;
};

/** A row another process is sending right now: left alone, and named to the user. */
export type HeldElsewhere = {
  id: number;
  recipient: OutboxRecipient;
  kind: string;
  number: string;
  /** host/pid/token of the holder (delivery-lease.ts). */
  holder: string;
  until: string;
};

export type LeaseOptions = {
  /** Who claims (tests give two owners in one process); this process by default. */
  owner?: string;
  /** How long a claim holds (default 10 minutes). */
  leaseMs?: number;
  /** Whether a Sending row's holder still holds it (delivery-lease.ts by default). */
  leaseState?: (
    row: { id: number; lease_owner: string | null; lease_until: string | null },
    at: Date,
  ) => LeaseState;
};

export type OutboxDeliveries = ReturnType<typeof createOutboxDeliveries>;

export function createOutboxDeliveries(
  db: Database,
  now: () => Date,
  audit: AuditWriter,
  lease: LeaseOptions = {},
) {
  const owner = lease.owner ?? thisProcessOwner();
  const leaseMs = lease.leaseMs ?? DEFAULT_LEASE_MS;
  const stateOf =
    lease.leaseState ??
    ((row: { id: number; lease_owner: string | null; lease_until: string | null }, at: Date) =>
      leaseState(row, db.name, at));
  // INDEXED BY: the partial index outbox_due is already in (next_due_at, id) order; SQLite
  // otherwise picked outbox_pending (dropped by migration 0265) and sorted every waiting row for
  // each claim (quadratic over a queue of 10,000; bench/submission-bench.ts). It makes the statement fail, not slow, if the
  // index ever goes.
  const nextDue = db.prepare<[string, OutboxRecipient, OutboxRecipient], ViewRow>(
    `SELECT o.*, coalesce(c.number, o.stock_number, i.number) AS number, NULL AS receipt_id,
            NULL AS proof_json
       FROM outbox AS o INDEXED BY outbox_due
       LEFT JOIN certificates AS c ON c.id = o.certificate_id
  LEFT JOIN incoming_certificates AS i ON i.id = o.incoming_id
      WHERE o.status IN ('pending', 'failed') AND o.next_due_at <= ?
        AND o.recipient IN (?, ?) ORDER BY o.next_due_at, o.id LIMIT 1`,
  );
  // The chain's head from its tables (a seek each), not from the audit_events view (a scan).
  const head = { get: lastStoredEvent(db) };
  // The claim itself: one UPDATE that takes the row only if it is still due and unclaimed.
  const markSending = db.prepare(
    `UPDATE outbox SET status = 'sending', attempts = attempts + 1, last_attempt_at = @at,
       lease_owner = @owner, lease_until = @until,
       audit_head_seq = coalesce(audit_head_seq, @seq),
       audit_head_hash = coalesce(audit_head_hash, @hash)
     WHERE id = @id AND status IN ('pending', 'failed') AND next_due_at <= @at`,
  );
  const headOf = db.prepare<
    [number],
    { audit_head_seq: number | null; audit_head_hash: string | null }
  >('SELECT audit_head_seq, audit_head_hash FROM outbox WHERE id = ?');
  const statusOf = db
    .prepare<[number], OutboxStatus>('SELECT status FROM outbox WHERE id = ?')
    .pluck();
  const holderOf = db
    .prepare<[number], string | null>('SELECT lease_owner FROM outbox WHERE id = ?')
    .pluck();
  const setFailed = db.prepare(
    `UPDATE outbox SET status = 'failed', next_due_at = @due, last_error_code = @code,
       last_error = @message, lease_owner = NULL, lease_until = NULL
     WHERE id = @id AND status = 'sending'`,
  );
  const setRejected = db.prepare(
    `UPDATE outbox SET status = 'rejected', last_error_code = @code, last_error = @message,
       lease_owner = NULL, lease_until = NULL WHERE id = @id AND status = 'sending'`,
  );
  const setDelivered = db.prepare(
    `UPDATE outbox SET status = @status, delivered_at = @at, last_error_code = NULL,
       last_error = NULL, lease_owner = NULL, lease_until = NULL
     WHERE id = @id AND status = 'sending'`,
  );
  const insertReceipt = db.prepare(
    `INSERT INTO submission_receipts (outbox_id, receipt_id, received_at, status,
       signed_receipt_json, stored_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const sendingRows = db.prepare<
    [],
    {
      id: number;
      lease_owner: string | null;
      lease_until: string | null;
      recipient: OutboxRecipient;
      reason: string;
      number: string;
    }
  >(
    `SELECT o.id, o.lease_owner, o.lease_until, o.recipient, o.reason,
            coalesce(c.number, o.stock_number, i.number) AS number
       FROM outbox AS o LEFT JOIN certificates AS c ON c.id = o.certificate_id
  LEFT JOIN incoming_certificates AS i ON i.id = o.incoming_id
      WHERE o.status = 'sending' ORDER BY o.id`,
  );
  const userMove = db.prepare(
    `UPDATE outbox SET status = @to, next_due_at = @due WHERE id = @id AND status = @from`,
  );

  const event = (
    action: string,
    id: number | bigint,
    userId: number | null = null,
    entityType: 'outbox' | 'submission_receipt' = 'outbox',
  ) => audit.append({ userId, action, entityType, entityId: Number(id) });

  const claim = db.transaction(
    (recipients: readonly OutboxRecipient[]): ClaimedSubmission | null => {
      const at = now().toISOString();
      const row = nextDue.get(at, ...pair(recipients));
      if (row === undefined) return null;
      // The head BEFORE this attempt's own event; kept from the first attempt on (coalesce).
      const current = head.get();
      const taken = markSending.run({
        id: row.id,
        at,
        owner,
        until: new Date(Date.parse(at) + leaseMs).toISOString(),
        seq: current?.seq ?? 0,
        hash: current?.hash ?? '0'.repeat(64),
      });
      // Inside BEGIN IMMEDIATE nobody else writes between the SELECT and this UPDATE; checked
      // all the same, so a row is never sent without its claim.
      if (taken.changes !== 1) return null;
      event('submission.send', row.id);
      const frozen = headOf.get(row.id);
      return {
        id: row.id,
        recipient: row.recipient,
        kind: row.reason,
        number: row.number,
        certificateId: row.certificate_id,
        incomingId: row.incoming_id,
        idempotencyKey: row.idempotency_key,
        payload: JSON.parse(row.payload_json) as CanonicalValue,
        queuedAt: row.created_at,
        attempt: row.attempts + 1,
        auditHead:
          frozen?.audit_head_seq == null || frozen.audit_head_hash == null
            ? null
            : { seq: frozen.audit_head_seq, hash: frozen.audit_head_hash },
      };
    },
  );

  const record = db.transaction(
    (id: number, outcome: ChannelOutcome, retryInMs: number): OutboxStatus => {
      const at = now();
      if (statusOf.get(id) !== 'sending') throw new Error(`outbox ${String(id)} is not being sent`);
      // Only the holder records: a row whose lease expired and was taken by another process is
      // that process's to record now (its outcome decides, with the same idempotency key).
      if (holderOf.get(id) !== owner) return 'sending';
      if (outcome.kind === 'delivered') {
        const { receipt } = outcome.receipt;
        const receiptRow = insertReceipt.run(
          id,
          receipt.receiptId,
          receipt.receivedAt,
          receipt.status,
          canonicalJson(outcome.receipt),
          at.toISOString(),
        ).lastInsertRowid;
        event('submission.receipt', receiptRow, null, 'submission_receipt');
        const status: OutboxStatus =
          receipt.status === 'accepted' ? 'delivered' : 'delivered_with_warnings';
        setDelivered.run({ id, status, at: at.toISOString() });
        event(
          status === 'delivered' ? 'submission.deliver' : 'submission.deliver-with-warnings',
          id,
        );
        return status;
      }
      if (outcome.kind === 'mail-accepted') {
        const mail: MailReceipt = outcome.receipt;
        const receiptRow = insertReceipt.run(
          id,
          mail.messageId,
          mail.acceptedAt,
          'accepted',
          canonicalJson(mail),
          at.toISOString(),
        ).lastInsertRowid;
        event('submission.receipt', receiptRow, null, 'submission_receipt');
        // Delivered here means "accepted by the mail server <host> as <message-id>": the view's
        // deliveryNote says so wherever the status is shown (delivery-receipt.ts).
        setDelivered.run({ id, status: 'delivered', at: at.toISOString() });
        event('submission.deliver', id);
        return 'delivered';
      }
      const fields = { id, code: outcome.code, message: outcome.message };
      if (outcome.kind === 'retry') {
        setFailed.run({ ...fields, due: new Date(at.getTime() + retryInMs).toISOString() });
        event('submission.fail', id);
        return 'failed';
      }
      setRejected.run(fields);
      event('submission.reject', id);
      return 'rejected';
    },
  );

  /** Rows left Sending by a holder that is gone: Failed, due now, same key (no lock taken). */
  const takeBackGone = (): number => {
    const at = now();
    const code: DeliveryErrorCode = 'INTERRUPTED';
    let taken = 0;
    for (const row of sendingRows.all()) {
      if (stateOf(row, at) !== 'gone') continue;
      setFailed.run({
        id: row.id,
        code,
        message: 'KP Desk stopped while sending; it is sent again with the same idempotency key.',
        due: at.toISOString(),
      });
      event('submission.interrupt', row.id);
      taken += 1;
    }
    return taken;
  };

  /**
   * Up to `max` due rows claimed in ONE transaction (one commit, so one fsync, for the batch):
   * each is Sending with its own audit event. A crash before their outcomes are recorded leaves
   * them Sending, and the next start re-sends each with its same key (the receiver deduplicates).
   */
  const claimBatchTx = db.transaction(
    (recipients: readonly OutboxRecipient[], max: number): ClaimedSubmission[] => {
      // A holder that died while this drain ran (the other process was killed): its rows are
      // due again now, with the same key.
      takeBackGone();
      const claimed: ClaimedSubmission[] = [];
      for (let i = 0; i < max; i += 1) {
        const item = claim(recipients);
        if (item === null) break;
        claimed.push(item);
      }
      holdHere(
        db.name,
        claimed.map((item) => item.id),
      );
      return claimed;
    },
  );
  /**
   * BEGIN IMMEDIATE: the write lock is taken before the due rows are read, so a second process
   * claiming at the same moment waits (busy_timeout) and then finds them Sending.
   */
  const claimBatch = (recipients: readonly OutboxRecipient[], max: number): ClaimedSubmission[] =>
    claimBatchTx.immediate(recipients, max);

  /** The outcomes of a batch, recorded in ONE transaction; returns each row's new status. */
  const recordBatchTx = db.transaction(
    (results: readonly { id: number; outcome: ChannelOutcome; retryInMs: number }[]) =>
      results.map((result) => record(result.id, result.outcome, result.retryInMs)),
  );
  const recordBatch = (
    results: readonly { id: number; outcome: ChannelOutcome; retryInMs: number }[],
  ): OutboxStatus[] => {
    try {
      return recordBatchTx.immediate(results);
    } finally {
      releaseHere(
        db.name,
        results.map((result) => result.id),
      );
    }
  };

  /** Rows left Sending by a holder that is gone (crashed, killed, stopped): sent again, same key. */
  const recoverInterruptedTx = db.transaction(takeBackGone);
  const recoverInterrupted = (): number => recoverInterruptedTx.immediate();

  /** Rows another live process is sending now: left alone, named to the user (CLI). */
  const heldElsewhere = (): HeldElsewhere[] => {
    const at = now();
    return sendingRows
      .all()
      .filter((row) => row.lease_owner !== owner && stateOf(row, at) === 'held')
      .map((row) => ({
        id: row.id,
        recipient: row.recipient,
        kind: row.reason,
        number: row.number,
        holder: row.lease_owner ?? '',
        until: row.lease_until ?? '',
      }));
  };

  /** A user's move: retry a Rejected or Failed row now, or cancel one that is not delivered. */
  const userAction = db.transaction(
    (id: number, action: 'retry' | 'cancel', userId: number): OutboxStatus | null => {
      const from = statusOf.get(id);
      if (from === undefined) return null;
      const allowed: readonly OutboxStatus[] =
        action === 'retry' ? ['rejected', 'failed'] : ['pending', 'failed', 'rejected'];
      if (!allowed.includes(from)) return from;
      const to: OutboxStatus = action === 'retry' ? 'pending' : 'cancelled';
      userMove.run({ id, from, to, due: now().toISOString() });
      event(action === 'retry' ? 'submission.retry' : 'submission.cancel', id, userId);
      return to;
    },
  );

  return {
    claim,
    record,
    claimBatch,
    recordBatch,
    recoverInterrupted,
    heldElsewhere,
    /** Drops this process's hold on rows whose outcome will not be recorded (a failed batch). */
    release: (ids: readonly number[]): void => {
      releaseHere(db.name, ids);
    },
    userAction,
    ...createDeliveryQueueReads(db),
  };
}
