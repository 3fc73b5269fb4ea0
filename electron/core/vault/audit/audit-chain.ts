// Appends one event to the hash chain of the audit table (append-only by trigger, see
// 0010-initial-schema.ts). hash = sha256(prevHash + canonical JSON of the event's fields), so
// editing, removing or reordering any event breaks every later link. Call it inside the same
// transaction as the change it records: both commit together or not at all. Events are written in
// the compact format (migration 0260): the canonical text exactly as hashed, the hash as 32 bytes,
// the previous hash not stored (it is the previous row's).
import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntityType, EntityReader } from './entity-digest';
import { createEntityReaders, digestOf } from './entity-digest';
import { lastStoredEvent } from './audit-event-tables';
import type { StockRangeType } from './stock-range-digest';
import { createStockRangeDigester, isStockRange } from './stock-range-digest';
import { eventFieldsText } from './event-fields-text';
import type { QueuedRow } from './queued-digests';
import { withQueued } from './queued-digests';
import { COVERING_ACTIONS, withCovered } from './covered-digests';

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
  return createHashHex(prevHash + eventFieldsText(fields));
}

const createHashHex = (text: string): string => hash('sha256', text, 'hex');

export type AppendInput = {
  userId: number | null;
  action: string;
  /** A record's type, or a registered range of stock numbers (stock-range-digest.ts). */
  entityType: AuditEntityType | StockRangeType;
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
  /**
   * Other rows this operation INSERTED in its transaction, digested as stored and recorded inside
   * this event (covered-digests.ts) instead of one event per row (issue 15: a record import).
   * Not together with `queued`.
   */
  covers?: readonly { entityType: AuditEntityType; entityId: string | number }[];
};

export type AuditWriter = { append: (input: AppendInput) => AuditEvent };

/** Statements and readers prepared once per connection. */
export function createAuditWriter(db: Database, now: () => Date): AuditWriter {
  const last = lastStoredEvent(db);
  const insert = db.prepare('INSERT INTO audit_events_compact (seq, body, hash) VALUES (?, ?, ?)');
  const readers: Record<AuditEntityType, EntityReader> = createEntityReaders(db);
  const rangeDigest = createStockRangeDigester(db);
  const digestNow = (type: AuditEntityType | StockRangeType, entityId: string): string =>
    isStockRange(type) ? rangeDigest(entityId) : digestOf(readers[type](entityId));
  return {
    append: (input) => {
      if (!db.inTransaction)
        throw new Error('appendAuditEvent must run inside the transaction of its change');
      const previous = last();
      const entityId = String(input.entityId);
      const own = input.entityDigest ?? digestNow(input.entityType, entityId);
      const covers = input.covers ?? [];
      if (covers.length > 0 && (input.queued ?? []).length > 0)
        throw new Error('an audit event records either queued outbox rows or covered rows');
      if (covers.length > 0 && !(COVERING_ACTIONS as readonly string[]).includes(input.action))
        throw new Error(`${input.action} is not among the actions that may cover rows`);
      const fields: AuditEventFields = {
        seq: (previous?.seq ?? 0) + 1,
        at: now().toISOString(),
        userId: input.userId,
        action: input.action,
        entityType: input.entityType,
        entityId,
        entityDigest:
          covers.length > 0
            ? withCovered(
                own,
                covers.map(({ entityType, entityId: id }) => ({
                  entityType,
                  entityId: String(id),
                  digest: digestOf(readers[entityType](String(id))),
                })),
              )
            : withQueued(own, input.queued ?? []),
      };
      const prevHash = previous?.hash ?? GENESIS_HASH;
      // The text hashed is the text stored, byte for byte: the verification hashes `body`.
      const body = eventFieldsText(fields);
      const hash = createHashHex(prevHash + body);
      insert.run(fields.seq, body, Buffer.from(hash, 'hex'));
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
