// Checks the whole record: walks the chain in seq order (each hash recomputed, each link to the
// previous hash), then re-derives every entity's digest from its CURRENT row and compares it with
// the digest of the latest event for that entity, and finally looks for rows no event accounts
// for. Reports the first break. Streams rows (iterate) so a vault of a million certificates is
// checked in bounded memory.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEventFields } from './audit-chain';
import { GENESIS_HASH, eventHash } from './audit-chain';
import {
  auditEntityTypes,
  createEntityReaders,
  digestOf,
  entitySources,
  isAuditEntityType,
} from './entity-digest';

export type AuditBreak = {
  /** The event where the break shows; null for a row that no event accounts for. */
  seq: number | null;
  kind: 'hash' | 'link' | 'entity';
  entityType?: string;
  entityId?: string;
  message: string;
};

export type AuditReport = { ok: boolean; eventsChecked: number; firstBreak?: AuditBreak };

type EventRow = {
  seq: number;
  at: string;
  user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  entity_digest: string;
  prev_hash: string;
  hash: string;
};

function walkChain(db: Database): { eventsChecked: number; firstBreak?: AuditBreak } {
  const events = db.prepare<[], EventRow>('SELECT * FROM audit_events ORDER BY seq');
  let prevHash = GENESIS_HASH;
  let eventsChecked = 0;
  for (const row of events.iterate()) {
    const where = { seq: row.seq, entityType: row.entity_type, entityId: row.entity_id };
    // A removed event leaves its successor pointing at a hash that is no longer there.
    if (row.prev_hash !== prevHash || row.seq !== eventsChecked + 1)
      return {
        eventsChecked,
        firstBreak: {
          ...where,
          kind: 'link',
          message: `Audit event ${String(row.seq)} does not follow the event before it: an event was removed or reordered.`,
        },
      };
    const fields: AuditEventFields = {
      seq: row.seq,
      at: row.at,
      userId: row.user_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      entityDigest: row.entity_digest,
    };
    if (eventHash(row.prev_hash, fields) !== row.hash)
      return {
        eventsChecked,
        firstBreak: {
          ...where,
          kind: 'hash',
          message: `Audit event ${String(row.seq)} was altered after it was written.`,
        },
      };
    prevHash = row.hash;
    eventsChecked += 1;
  }
  return { eventsChecked };
}

function checkLatestDigests(db: Database): AuditBreak | undefined {
  const readers = createEntityReaders(db);
  const latest = db.prepare<
    [],
    Pick<EventRow, 'seq' | 'entity_type' | 'entity_id' | 'entity_digest'>
  >(`SELECT seq, entity_type, entity_id, entity_digest FROM audit_events AS a
      WHERE seq = (SELECT max(seq) FROM audit_events AS b
                    WHERE b.entity_type = a.entity_type AND b.entity_id = a.entity_id)
      ORDER BY seq`);
  for (const event of latest.iterate()) {
    const type = event.entity_type;
    const current = isAuditEntityType(type) ? digestOf(readers[type](event.entity_id)) : null;
    if (current !== event.entity_digest)
      return {
        seq: event.seq,
        kind: 'entity',
        entityType: type,
        entityId: event.entity_id,
        message: `The ${type.replace('_', ' ')} ${event.entity_id} differs from what audit event ${String(event.seq)} recorded: it was changed or removed outside KP Desk.`,
      };
  }
  return undefined;
}

function checkUnrecordedRows(db: Database): AuditBreak | undefined {
  for (const type of auditEntityTypes) {
    const { table, key } = entitySources[type];
    // Names come from the constant map in entity-digest.ts, never from input.
    const unrecorded = db
      .prepare(
        `SELECT CAST(${key} AS TEXT) AS entity_id FROM ${table} AS t
          WHERE NOT EXISTS (SELECT 1 FROM audit_events AS a
                             WHERE a.entity_type = ? AND a.entity_id = CAST(t.${key} AS TEXT))
          LIMIT 1`,
      )
      .get(type) as { entity_id: string } | undefined;
    if (unrecorded !== undefined)
      return {
        seq: null,
        kind: 'entity',
        entityType: type,
        entityId: unrecorded.entity_id,
        message: `The ${type.replace('_', ' ')} ${unrecorded.entity_id} has no audit event: it was added outside KP Desk.`,
      };
  }
  return undefined;
}

export function verifyAuditChain(db: Database): AuditReport {
  // One read transaction: the chain and the rows are checked as of the same instant.
  return db.transaction((): AuditReport => {
    const chain = walkChain(db);
    const firstBreak = chain.firstBreak ?? checkLatestDigests(db) ?? checkUnrecordedRows(db);
    return firstBreak === undefined
      ? { ok: true, eventsChecked: chain.eventsChecked }
      : { ok: false, eventsChecked: chain.eventsChecked, firstBreak };
  })();
}
