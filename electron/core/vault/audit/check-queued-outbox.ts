// The full verification's part for outbox rows recorded inside an operation's own audit event
// (issue 12, queued-digests.ts): an issue, ship, void, correction, blank void or import entry
// records the digest of each row it queued in its own event, and no event of the row's own exists
// until its first delivery attempt. The latest-event check (check-entity-digests.ts) covers every
// row that has events of its own; this covers the rest, so that each row is covered exactly as
// when it had a `submission.queue` event of its own:
// - changed: a row with no event of its own must digest as its operation's event recorded it;
// - added: a row with neither is reported as added outside KP Desk;
// - removed: the rows the operations recorded are counted, and must all still be there.
// The recorded digest is found in SQL, in the events of the row's subject (its certificate, form
// number or incoming certificate) on the covering index audit_latest_by_entity (a certificate has
// a handful of events), and the row's canonical text is written by SQLite (rowTextSql) as the
// latest-event check does; only a row SQLite cannot vouch for is digested in JavaScript.
import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isAscii, rowDigestWriter, rowTextSql } from './row-canonical-text';
import { queuedIn } from './queued-digests';

/** The kinds of record whose operations queue outbox rows: a row's subject (SUBJECT_TYPE). */
const SUBJECTS = `('certificate', 'stock', 'incoming_certificate')`;

export type QueuedOutboxCheck = {
  /** The lowest-seq operation event whose recorded row was changed or removed. */
  changed: { seq: number; entityType: 'outbox'; entityId: string } | null;
  /** The first row (by id) that neither an event of its own nor an operation's event records. */
  unrecorded: string | null;
  /** Rows with no event of their own that an operation's event records (and that match it). */
  covered: number;
};

// The subject's events, found as the writer names them: entity_type and the subject's key as text.
const SUBJECT_TYPE = `CASE WHEN o.certificate_id IS NOT NULL THEN 'certificate'
  WHEN o.stock_number IS NOT NULL THEN 'stock' ELSE 'incoming_certificate' END`;
const SUBJECT_ID = `CASE WHEN o.certificate_id IS NOT NULL THEN CAST(o.certificate_id AS TEXT)
  WHEN o.stock_number IS NOT NULL THEN o.stock_number ELSE CAST(o.incoming_id AS TEXT) END`;
// ' <id>:' occurs once at most in an entity_digest: the digests are hex, the ids decimal.
const ENTRY = `' ' || o.id || ':'`;

type Row = [
  id: number,
  own: 0 | 1,
  seq: number | null,
  recorded: string | null,
  text: string | null,
];

const lower = (
  a: QueuedOutboxCheck['changed'],
  b: QueuedOutboxCheck['changed'],
): QueuedOutboxCheck['changed'] => (a === null ? b : b === null || a.seq <= b.seq ? a : b);

export function checkQueuedOutbox(db: Database): QueuedOutboxCheck {
  const byId = db.prepare('SELECT * FROM outbox WHERE id = ?').raw();
  const columns = byId.columns().map((column) => column.name);
  const exactDigest = rowDigestWriter(columns);
  // Table and column names come from the schema, never from input.
  const rows = db
    .prepare(
      `SELECT o.id,
         EXISTS (SELECT 1 FROM audit_events AS e
                  WHERE e.entity_type = 'outbox' AND e.entity_id = CAST(o.id AS TEXT)),
         q.seq, substr(q.entity_digest, instr(q.entity_digest, ${ENTRY}) + length(${ENTRY}), 64),
         ${rowTextSql(columns, 'o')}
       FROM outbox AS o
       LEFT JOIN audit_events AS q
         ON q.entity_type = ${SUBJECT_TYPE} AND q.entity_id = ${SUBJECT_ID}
        AND instr(q.entity_digest, ${ENTRY}) > 0
      ORDER BY o.id`,
    )
    .raw();
  const result: QueuedOutboxCheck = { changed: null, unrecorded: null, covered: 0 };
  let recordedPresent = 0;
  for (const [id, own, seq, recorded, text] of rows.iterate() as Iterable<Row>) {
    if (seq !== null) recordedPresent += 1;
    if (own === 1) continue;
    if (seq === null || recorded === null) {
      result.unrecorded ??= String(id);
      continue;
    }
    const fast = text !== null && isAscii(text) ? hash('sha256', text, 'hex') : null;
    if (fast !== recorded && exactDigest(byId.get(id) as unknown[]) !== recorded) {
      result.changed = lower(result.changed, { seq, entityType: 'outbox', entityId: String(id) });
      continue;
    }
    result.covered += 1;
  }
  // Removed rows: every row an operation recorded must still be there. The count of entries is
  // read in SQL (one ':' per entry); only when it differs are the events parsed to name the row.
  const entries =
    db
      .prepare<[], number | null>(
        `SELECT sum(length(entity_digest) - length(replace(entity_digest, ':', '')))
           FROM audit_events WHERE entity_type IN ${SUBJECTS} AND length(entity_digest) > 64`,
      )
      .pluck()
      .get() ?? 0;
  if (entries !== recordedPresent) result.changed = lower(result.changed, firstRemoved(db));
  return result;
}

/** The first operation event (by seq) that records a row no longer in the outbox. */
function firstRemoved(db: Database): QueuedOutboxCheck['changed'] {
  const events = db
    .prepare<[], [number, string]>(
      `SELECT seq, entity_digest FROM audit_events
        WHERE entity_type IN ${SUBJECTS} AND length(entity_digest) > 64 ORDER BY seq`,
    )
    .raw();
  const exists = db.prepare<[number], number>('SELECT 1 FROM outbox WHERE id = ?').pluck();
  for (const [seq, recorded] of events.iterate()) {
    const queued = queuedIn(recorded) ?? [];
    const gone = queued.find((row) => exists.get(row.outboxId) === undefined);
    if (gone !== undefined) return { seq, entityType: 'outbox', entityId: String(gone.outboxId) };
  }
  return null;
}
