// Re-derives every entity's digest from its CURRENT row and compares it with the digest of the
// latest audit event for that entity, then looks for rows that no event accounts for. The latest
// event of every entity, digest included, comes from the covering index audit_latest_by_entity
// (migration 0030) in one ordered pass per entity type, never one subquery per event. Reports the
// mismatch with the lowest seq (as a walk of the latest events in seq order would), else the
// first unrecorded row in the order of auditEntityTypes.
import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntityType } from './entity-digest';
import { auditEntityTypes, entitySources, isAuditEntityType } from './entity-digest';
import { NON_ASCII, rowTextSql, rowTextWriter } from './row-canonical-text';

export type EntityBreak = {
  seq: number | null;
  kind: 'entity';
  entityType: string;
  entityId: string;
  message: string;
};

type Findings = {
  changed: { seq: number; entityType: string; entityId: string } | null;
  unrecorded: { entityType: string; entityId: string } | null;
};

/** Latest events read per page, by keyset: better-sqlite3 runs one statement at a time. */
const PAGE = 1_000;

const label = (type: string): string => type.replace('_', ' ');

function noteChanged(findings: Findings, seq: number, entityType: string, entityId: string): void {
  if (findings.changed === null || seq < findings.changed.seq)
    findings.changed = { seq, entityType, entityId };
}

/** Latest event of one entity and its row: [entity_id, seq, digest, present, canonical, text]. */
type Pair = [
  entityId: string,
  seq: number,
  digest: string,
  present: 0 | 1,
  canonical: 0 | 1,
  text: string | null,
];

/**
 * Every latest event of one type against its current row, a page at a time: the events in
 * entity_id order from the index, each joined to its row (by key, as the writer's reader finds it:
 * an integer key by the id's numeric value) and the row's canonical text written by SQLite
 * (rowTextSql). A row whose text SQLite cannot vouch for (non-ASCII, REAL, BLOB), or whose digest
 * differs, is read again and digested in JavaScript (rowTextWriter), which alone decides a break.
 * Rows found by an event written as the app writes ids (String(id)) are counted: when the count is
 * the table's, no row lacks an event, and only otherwise are the rows searched for the first one.
 */
function checkType(db: Database, type: AuditEntityType, findings: Findings): number {
  const { table, key } = entitySources[type];
  // Table and key names come from the constant map in entity-digest.ts, never from input.
  const byKey = db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).raw();
  const columns = byKey.columns().map((column) => column.name);
  const rowText = rowTextWriter(columns);
  const latest = `SELECT entity_id, max(seq) AS seq, entity_digest FROM audit_events
    WHERE entity_type = @type AND entity_id > @after GROUP BY entity_id ORDER BY entity_id
    LIMIT ${String(PAGE)}`;
  const pairs = (events: string) =>
    db
      .prepare(
        `SELECT l.entity_id, l.seq, l.entity_digest, t.${key} IS NOT NULL,
           coalesce(CAST(t.${key} AS TEXT) = l.entity_id, 0), ${rowTextSql(columns, 't')}
         FROM (${events}) AS l LEFT JOIN ${table} AS t ON t.${key} = l.entity_id
         ORDER BY l.entity_id`,
      )
      .raw();
  const firstPage = pairs(latest.replace(' AND entity_id > @after', ''));
  const nextPage = pairs(latest);
  const exactDigest = (entityId: string): string => {
    const row = byKey.get(key === 'id' ? Number(entityId) : entityId) as unknown[] | undefined;
    // A deleted row digests as canonical null, as the writer's reader gives it.
    return hash('sha256', row === undefined ? 'null' : rowText(row), 'hex');
  };
  let found = 0;
  let exactRows = 0;
  let page = firstPage.all({ type }) as Pair[];
  while (page.length > 0) {
    for (const [entityId, seq, digest, present, canonical, text] of page) {
      const fast = present === 0 ? 'null' : text === null || NON_ASCII.test(text) ? null : text;
      if (fast === null || hash('sha256', fast, 'hex') !== digest) {
        exactRows += 1;
        if (exactDigest(entityId) !== digest) noteChanged(findings, seq, type, entityId);
      }
      found += canonical;
    }
    const after = page.at(-1)?.[0];
    page = page.length < PAGE ? [] : (nextPage.all({ type, after }) as Pair[]);
  }
  const rows = db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
  if (found !== rows && findings.unrecorded === null) {
    const unrecorded = db
      .prepare<[string], string>(
        `SELECT CAST(${key} AS TEXT) FROM ${table} AS t
          WHERE NOT EXISTS (SELECT 1 FROM audit_events AS a
                             WHERE a.entity_type = ? AND a.entity_id = CAST(t.${key} AS TEXT))
          LIMIT 1`,
      )
      .pluck()
      .get(type);
    if (unrecorded !== undefined) findings.unrecorded = { entityType: type, entityId: unrecorded };
  }
  return exactRows;
}

/** Entity types that only a hand-made event can carry: their every latest event is a break. */
function checkUnknownTypes(db: Database, findings: Findings): void {
  const nextType = db
    .prepare<[string], string>(
      'SELECT entity_type FROM audit_events WHERE entity_type > ? ORDER BY entity_type LIMIT 1',
    )
    .pluck();
  const firstType = db
    .prepare<[], string | null>('SELECT min(entity_type) FROM audit_events')
    .pluck();
  const latest = db.prepare<[string], [string, number]>(
    'SELECT entity_id, max(seq) FROM audit_events WHERE entity_type = ? GROUP BY entity_id',
  );
  for (let type = firstType.get() ?? undefined; type !== undefined; type = nextType.get(type)) {
    if (isAuditEntityType(type)) continue;
    for (const [entityId, seq] of latest.raw().iterate(type))
      noteChanged(findings, seq, type, entityId);
  }
}

export type EntityCheck = {
  firstBreak?: EntityBreak;
  /** Rows digested in JavaScript because SQLite's text could not vouch for them (0 normally). */
  exactRows: number;
};

export function checkEntities(db: Database): EntityCheck {
  const findings: Findings = { changed: null, unrecorded: null };
  let exactRows = 0;
  for (const type of auditEntityTypes) exactRows += checkType(db, type, findings);
  checkUnknownTypes(db, findings);
  const firstBreak = breakOf(findings);
  return firstBreak === undefined ? { exactRows } : { firstBreak, exactRows };
}

export function checkEntityDigests(db: Database): EntityBreak | undefined {
  return checkEntities(db).firstBreak;
}

function breakOf(findings: Findings): EntityBreak | undefined {
  const { changed, unrecorded } = findings;
  if (changed !== null)
    return {
      seq: changed.seq,
      kind: 'entity',
      entityType: changed.entityType,
      entityId: changed.entityId,
      message: `The ${label(changed.entityType)} ${changed.entityId} differs from what audit event ${String(changed.seq)} recorded: it was changed or removed outside KP Desk.`,
    };
  if (unrecorded !== null)
    return {
      seq: null,
      kind: 'entity',
      entityType: unrecorded.entityType,
      entityId: unrecorded.entityId,
      message: `The ${label(unrecorded.entityType)} ${unrecorded.entityId} has no audit event: it was added outside KP Desk.`,
    };
  return undefined;
}
