// Appends one event to the hash chain of the audit table (append-only by trigger, see
// 0010-initial-schema.ts). hash = sha256(prevHash + canonical JSON of the event's fields), so
// editing, removing or reordering any event breaks every later link. Call it inside the same
// transaction as the change it records: both commit together or not at all.
import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntityType, EntityReader } from './entity-digest';
import { createEntityReaders, digestOf } from './entity-digest';
import { eventFieldsText } from './event-fields-text';
import type { QueuedRow } from './queued-digests';
import { withQueued } from './queued-digests';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditEventFields = {
  seq: number;
  at: string;
  userId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  entityDigest: string;
};

export type AuditEvent = AuditEventFields & { prevHash: string; hash: string };

/** sha256 (hex) of prevHash + the canonical JSON of the fields (eventFieldsText: same bytes). */
export function eventHash(prevHash: string, fields: AuditEventFields): string {
  return hash('sha256', prevHash + eventFieldsText(fields), 'hex');
}

export type AppendInput = {
  userId: number | null;
  action: string;
  entityType: AuditEntityType;
  entityId: string | number;
  /**
   * Otherwise read from the row after the change. Given by a caller only when it holds that very
   * row (tests; INSERT … RETURNING * in outbox-repository.ts, the same columns `SELECT *` reads).
   */
  entityDigest?: string;
  /**
   * The outbox rows this operation queued in its transaction, recorded inside this event
   * (queued-digests.ts) instead of one event per row (issue 12).
   */
  queued?: readonly QueuedRow[];
};

export type AuditWriter = { append: (input: AppendInput) => AuditEvent };

/** Statements and readers prepared once per connection. */
export function createAuditWriter(db: Database, now: () => Date): AuditWriter {
  const last = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const readers: Record<AuditEntityType, EntityReader> = createEntityReaders(db);
  return {
    append: (input) => {
      if (!db.inTransaction)
        throw new Error('appendAuditEvent must run inside the transaction of its change');
      const previous = last.get();
      const entityId = String(input.entityId);
      const fields: AuditEventFields = {
        seq: (previous?.seq ?? 0) + 1,
        at: now().toISOString(),
        userId: input.userId,
        action: input.action,
        entityType: input.entityType,
        entityId,
        entityDigest: withQueued(
          input.entityDigest ?? digestOf(readers[input.entityType](entityId)),
          input.queued ?? [],
        ),
      };
      const prevHash = previous?.hash ?? GENESIS_HASH;
      const hash = eventHash(prevHash, fields);
      insert.run(
        fields.seq,
        fields.at,
        fields.userId,
        fields.action,
        fields.entityType,
        fields.entityId,
        fields.entityDigest,
        prevHash,
        hash,
      );
      return { ...fields, prevHash, hash };
    },
  };
}

/** One-off form for callers without a writer; prefer createAuditWriter on hot paths. */
export function appendAuditEvent(
  db: Database,
  input: AppendInput,
  now: () => Date = () => new Date(),
): AuditEvent {
  return createAuditWriter(db, now).append(input);
}
