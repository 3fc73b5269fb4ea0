// The manual channel's two moves (fax to Census's KP contact, or Census's secure file transfer):
// gathering the copies for the fax package, and recording the user's confirmation once it went
// out. Nothing is sent by the app, so the row stays Pending (with a reminder) until a user says
// it was sent; then it is Delivered with that confirmation as its receipt, which says what it is:
// confirmed by the user, not proven by the recipient. Receipt and status change are one
// transaction with their audit events, both naming the user (31 CFR 592.301(a)(1)(iv)-(v)).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../app-failure';
import type { AuditWriter } from '../vault/audit/audit-chain';
import { canonicalJson } from '../vault/audit/canonical-json';
import type { OutboxRecipient, OutboxStatus } from '../vault/repositories/outbox-repository';
import type { ManualConfirmation, ManualMethod } from './delivery-receipt';
import { manualMethods } from './delivery-receipt';
import type { FaxPackageItem } from './fax-package';

/**
 * The short form gives a reference and the day (sentOn, CLI --date); the app's form and the CLI's
 * --method/--sent-at give how it was sent and the date and time (sentAt, ISO 8601) instead; a
 * note may come with either.
 */
export type ConfirmationInput = {
  reference: string;
  sentOn?: string;
  method?: ManualMethod;
  sentAt?: string;
  note?: string;
};

/** Rows a confirmation may settle: not sent by the app, not already settled. */
const CONFIRMABLE: readonly OutboxStatus[] = ['pending', 'failed', 'rejected'];

type ItemRow = {
  id: number;
  recipient: OutboxRecipient;
  reason: string;
  number: string;
  status: OutboxStatus;
  created_at: string;
  certificate_id: number | null;
  payload_json: string;
};

const refuse = (field: string, message: string): never => {
  throw new AppFailure('INVALID_INPUT', message, { [field]: message });
};

function checkReference(text: unknown, option: string): string {
  const missing = `Give the fax confirmation or the transfer reference${option}.`;
  if (typeof text !== 'string') return refuse('reference', missing);
  const reference = text.normalize('NFC').trim();
  if (reference === '') refuse('reference', missing);
  if (reference.length > 200) refuse('reference', 'The reference is longer than 200 characters.');
  // Printable text only: it is shown as evidence later (no control or direction characters).
  if (/[\p{Cc}\p{Cf}]/u.test(reference))
    refuse('reference', 'The reference may hold printable characters only.');
  return reference;
}

function checkSentOn(text: unknown, queuedAt: string, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  if (text === undefined) return today;
  if (typeof text !== 'string')
    return refuse('sentOn', 'The date sent is not a date like 2026-12-07.');
  const real =
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  if (!real) refuse('sentOn', `The date sent "${text}" is not a date like 2026-12-07.`);
  if (text > today) refuse('sentOn', `The date sent ${text} is in the future.`);
  if (text < queuedAt.slice(0, 10))
    refuse(
      'sentOn',
      `The date sent ${text} is before the copy was due (${queuedAt.slice(0, 10)}).`,
    );
  return text;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The date and time it went out: a real instant, not in the future, not before it was queued. */
function checkSentAt(text: unknown, queuedAt: string, now: Date): string {
  const message = 'The date and time sent is not a date and time like 2026-12-07 14:30.';
  if (typeof text !== 'string' || !ISO_INSTANT.test(text)) return refuse('sentAt', message);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return refuse('sentAt', message);
  const iso = new Date(at).toISOString();
  // A minute of slack: the form is filled in the minute the fax went out.
  if (at > now.getTime() + 60_000)
    refuse(
      'sentAt',
      `The date and time sent (${iso.slice(0, 16).replace('T', ' ')} UTC) is in the future.`,
    );
  if (iso.slice(0, 10) < queuedAt.slice(0, 10))
    refuse(
      'sentAt',
      `The date sent ${iso.slice(0, 10)} is before the copy was due (${queuedAt.slice(0, 10)}).`,
    );
  return iso;
}

function checkMethod(value: unknown): ManualMethod {
  if (typeof value === 'string' && (manualMethods as readonly string[]).includes(value))
    return value as ManualMethod;
  return refuse('method', 'Say how it was sent: fax, secure file transfer or another way.');
}

function checkNote(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return refuse('note', 'The note must be text.');
  const note = value.normalize('NFC').trim();
  if (note.length > 1000) refuse('note', 'The note is longer than 1000 characters.');
  if (/[\p{Cc}\p{Cf}]/u.test(note.replace(/\n/g, ' ')))
    refuse('note', 'The note may hold printable characters and line breaks only.');
  return note === '' ? undefined : note;
}

export type ManualConfirmations = ReturnType<typeof createManualConfirmations>;

export function createManualConfirmations(db: Database, now: () => Date, audit: AuditWriter) {
  const rowOf = db.prepare<[number], ItemRow>(
    `SELECT o.id, o.recipient, o.reason, coalesce(c.number, o.stock_number, i.number) AS number, o.status,
            o.created_at, o.certificate_id, o.payload_json
       FROM outbox AS o LEFT JOIN certificates AS c ON c.id = o.certificate_id
  LEFT JOIN incoming_certificates AS i ON i.id = o.incoming_id WHERE o.id = ?`,
  );
  const latestDocument = db
    .prepare<[number, string], Buffer>(
      `SELECT content FROM attachments
        WHERE certificate_id = ? AND media_type = 'application/pdf'
          AND kind IN ('signed-certificate', 'signed-void-copy')
        ORDER BY (kind = ?) DESC, id DESC LIMIT 1`,
    )
    .pluck();
  const insertReceipt = db.prepare(
    `INSERT INTO submission_receipts (outbox_id, receipt_id, received_at, status,
       signed_receipt_json, stored_at) VALUES (?, ?, ?, 'accepted', ?, ?)`,
  );
  const setDelivered = db.prepare(
    `UPDATE outbox SET status = 'delivered', delivered_at = @at, last_error_code = NULL,
       last_error = NULL WHERE id = @id AND status IN ('pending', 'failed', 'rejected')`,
  );

  const existing = (id: number): ItemRow => {
    const row = rowOf.get(id);
    if (row === undefined)
      throw new AppFailure('NOT_FOUND', `There is no submission ${String(id)}.`);
    return row;
  };

  const confirm = db.transaction(
    (id: number, input: ConfirmationInput, user: { id: number; username: string }) => {
      const row = existing(id);
      if (!CONFIRMABLE.includes(row.status))
        throw new AppFailure(
          'ILLEGAL_TRANSITION',
          `Submission ${String(id)} is ${row.status}; only a copy still waiting can be confirmed as sent.`,
        );
      const at = now();
      // The app's form (or CLI --method/--sent-at): method and date-time are required together.
      const fromForm = input.method !== undefined || input.sentAt !== undefined;
      const reference = checkReference(input.reference, fromForm ? '' : ' (--reference)');
      const sentAt = fromForm ? checkSentAt(input.sentAt, row.created_at, at) : undefined;
      const method = fromForm ? checkMethod(input.method) : undefined;
      const note = checkNote(input.note);
      const receipt: ManualConfirmation = {
        channel: 'manual',
        reference,
        sentOn:
          sentAt === undefined
            ? checkSentOn(input.sentOn, row.created_at, at)
            : sentAt.slice(0, 10),
        confirmedBy: { userId: user.id, username: user.username },
        recordedAt: at.toISOString(),
        proves: 'confirmed by the user, not by the recipient',
        ...(method === undefined ? {} : { method }),
        ...(sentAt === undefined ? {} : { sentAt }),
        ...(note === undefined ? {} : { note }),
      };
      const receiptRow = insertReceipt.run(
        id,
        receipt.reference,
        receipt.sentAt ?? `${receipt.sentOn}T00:00:00.000Z`,
        canonicalJson(receipt),
        at.toISOString(),
      ).lastInsertRowid;
      audit.append({
        userId: user.id,
        action: 'submission.receipt',
        entityType: 'submission_receipt',
        entityId: Number(receiptRow),
      });
      setDelivered.run({ id, at: at.toISOString() });
      audit.append({
        userId: user.id,
        action: 'submission.confirm',
        entityType: 'outbox',
        entityId: id,
      });
      return receipt;
    },
  );

  /** The rows of one package, in the order given; one recipient per package. */
  const packageItems = (
    ids: readonly number[],
  ): { recipient: OutboxRecipient; items: FaxPackageItem[] } => {
    if (ids.length === 0) refuse('ids', 'Name at least one submission to put in the package.');
    const rows = [...new Set(ids)].map(existing);
    const recipients = new Set(rows.map((row) => row.recipient));
    if (recipients.size > 1)
      refuse(
        'ids',
        'A package goes to one recipient: list the Census and the USKPA submissions in separate packages.',
      );
    const items = rows.map((row): FaxPackageItem => {
      if (row.status === 'cancelled')
        refuse('ids', `Submission ${String(row.id)} was cancelled; it is not sent.`);
      const preferred = row.reason === 'voided' ? 'signed-void-copy' : 'signed-certificate';
      const pdf =
        row.certificate_id === null ? undefined : latestDocument.get(row.certificate_id, preferred);
      const data = JSON.parse(row.payload_json) as unknown;
      return {
        submissionId: row.id,
        number: row.number,
        kind: row.reason,
        queuedAt: row.created_at,
        pdf: pdf === undefined ? null : new Uint8Array(pdf),
        data:
          data !== null && typeof data === 'object' && !Array.isArray(data)
            ? (data as Record<string, unknown>)
            : { value: data },
      };
    });
    return { recipient: rows[0]?.recipient ?? 'census', items };
  };

  return { confirm, packageItems };
}
