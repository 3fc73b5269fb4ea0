// Re-derives every entity's digest from its CURRENT row and compares it with the digest of the
// latest audit event for that entity, then looks for rows that no event accounts for. The latest
// event of every entity, digest included, comes from the covering index audit_latest_by_entity
// (migration 0030) in ordered passes (units: a type, or a stretch of a large type's ids), never
// one subquery per event; units are independent, so two threads can check them at once. Reports
// the mismatch with the lowest seq (as a walk of the latest events in seq order would), else the
// first unrecorded row in the order of auditEntityTypes.
import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntityType } from './entity-digest';
import { auditEntityTypes, entitySources, isAuditEntityType } from './entity-digest';
import { describeEntity } from './describe-entity';
import type { KnownRowDigests } from './entity-row-digest';
import { entityRowDigest } from './entity-row-digest';
import { idAfter, latestEventPages, PAGE } from './latest-event-pages';
import { isAscii, rowTextSql } from './row-canonical-text';
import { checkQueuedOutbox } from './check-queued-outbox';
import { checkCoveredRows, firstUncovered } from './check-covered-rows';
import { ownDigest } from './queued-digests';
import { checkStockRanges, firstUncoveredStock } from './check-stock-ranges';
import { isStockRange } from './stock-range-digest';

export type EntityBreak = {
  seq: number | null;
  kind: 'entity';
  entityType: string;
  entityId: string;
  message: string;
};

type Changed = { seq: number; entityType: string; entityId: string };

type Findings = {
  changed: Changed | null;
  unrecorded: { entityType: string; entityId: string } | null;
};

/** A table with at least this many rows is checked in parts (entityUnits). */
const SPLIT_ROWS = 20_000;

/** The documents' table is split from far fewer rows: each row holds a signed PDF (about 260 KB
 * to read, hex and hash: some 3 ms), so 200 rows weigh as much as 20,000 small ones, and left
 * whole it was one unit that kept the other thread idle (issue 14). */
const DOCUMENT_SPLIT_ROWS = 200;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const lowerSeq = (a: Changed | null, b: Changed | null): Changed | null =>
  a === null ? b : b === null || a.seq <= b.seq ? a : b;

/** The entities of one type whose entity_id (as text) is in [low, high); null: unbounded. */
export type EntityUnit = { type: AuditEntityType; low: string | null; high: string | null };

export type EntityUnitResult = {
  /** The mismatch with the lowest seq in the unit. */
  changed: Changed | null;
  /** Rows found by an event that names them as the app writes ids (String(id)). */
  found: number;
  /** Rows digested in JavaScript because SQLite's text could not vouch for them. */
  exactRows: number;
};

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
 * The page's highest entity_id in SQLite's order (BINARY: UTF-8 bytes), where the next page
 * starts. A page is the first PAGE entities of the index's order (the inner ORDER BY ... LIMIT);
 * the join around it is not asked to keep that order, which cost a sort of every page (about 4 s
 * of CPU at a million certificates).
 */
function lastId(page: readonly Pair[]): string {
  let last = page[0]?.[0] ?? '';
  for (const [entityId] of page) if (idAfter(entityId, last)) last = entityId;
  return last;
}

/**
 * Where a large type's ids are cut, as text: an integer id by its leading digit ('1' holds 1,
 * 10-19, 100-199, ...); a text key by the character after the prefix that the table's lowest and
 * highest keys share ('US1...' to 'US9...': 'US2', ..., 'US9').
 */
function cutPoints(db: Database, type: AuditEntityType): string[] {
  const { table, key, integer } = entitySources[type];
  if (integer) return ['2', '3', '4', '5', '6', '7', '8', '9'];
  const range = db
    .prepare<[], { low: string | null; high: string | null }>(
      `SELECT (SELECT min(${key}) FROM ${table}) AS low, (SELECT max(${key}) FROM ${table}) AS high`,
    )
    .get();
  const low = range?.low ?? '';
  const high = range?.high ?? '';
  let shared = 0;
  while (shared < low.length && low[shared] === high[shared]) shared += 1;
  const prefix = low.slice(0, shared);
  const from = low.charCodeAt(shared);
  const to = high.charCodeAt(shared);
  if (Number.isNaN(from) || Number.isNaN(to)) return [];
  const cuts: string[] = [];
  for (let code = from + 1; code <= to; code += 1) cuts.push(prefix + String.fromCharCode(code));
  return cuts;
}

/**
 * The parts the entity check is done in: one per type, and for a large table several, cut at
 * cutPoints: each part is a contiguous stretch of the index, and together they cover every
 * possible entity_id (the first part has no lower bound, the last no upper one).
 */
export function entityUnits(db: Database, splitFromRows = SPLIT_ROWS): EntityUnit[] {
  const units: EntityUnit[] = [];
  for (const type of auditEntityTypes) {
    const { table } = entitySources[type];
    const rows = db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
    const split =
      type === 'attachment' ? Math.min(splitFromRows, DOCUMENT_SPLIT_ROWS) : splitFromRows;
    const cuts = rows < split ? [] : cutPoints(db, type);
    [null, ...cuts].forEach((low, i) => units.push({ type, low, high: cuts[i] ?? null }));
  }
  return units;
}

/**
 * Every latest event of one unit against its current row, a page at a time: the events in
 * entity_id order from the index, each joined to its row (by key, as the writer's reader finds it:
 * an integer key by the id's numeric value) and the row's canonical text written by SQLite
 * (rowTextSql). A row whose text SQLite cannot vouch for (non-ASCII, REAL, BLOB), or whose digest
 * differs, is read again and digested in JavaScript (entity-row-digest.ts), which alone decides a
 * break. `known` holds digests of current rows a caller already took with that same reader (the
 * full review's signed PDFs, read once for their verification and this check): those rows are
 * not read again, and every other row is.
 */
export function checkEntityUnit(
  db: Database,
  unit: EntityUnit,
  known?: KnownRowDigests,
): EntityUnitResult {
  const { type } = unit;
  const { table, key } = entitySources[type];
  const rows = entityRowDigest(db, type);
  const { columns } = rows;
  const knownDigests = known?.type === type ? known.digests : undefined;
  // Table and key names come from the constant map in entity-digest.ts, never from input.
  const pairs = (events: string) =>
    db
      .prepare(
        `SELECT l.entity_id, l.seq, l.entity_digest, t.${key} IS NOT NULL,
           coalesce(CAST(t.${key} AS TEXT) = l.entity_id, 0), ${rowTextSql(columns, 't')}
         FROM (${events}) AS l LEFT JOIN ${table} AS t ON t.${key} = l.entity_id`,
      )
      .raw();
  const pages = latestEventPages(db, unit, (events) => pairs(events));
  // A known digest is the same reader's digest of the row this entity id reads (an id the app
  // never writes, such as '012', is not among them and is read here).
  const exactDigest = (entityId: string): string =>
    knownDigests?.get(entityId) ?? rows.digest(rows.read(entityId));
  const result: EntityUnitResult = { changed: null, found: 0, exactRows: 0 };
  let page = pages.first() as Pair[];
  while (page.length > 0) {
    for (const [entityId, seq, recorded, present, canonical, text] of page) {
      // The record's own digest; an operation's event may also record the outbox rows it queued
      // (queued-digests.ts), which check-queued-outbox.ts checks.
      const digest = ownDigest(recorded);
      const fast = present === 0 ? 'null' : text === null || !isAscii(text) ? null : text;
      if (fast === null || hash('sha256', fast, 'hex') !== digest) {
        result.exactRows += 1;
        if (exactDigest(entityId) !== digest)
          result.changed = lowerSeq(result.changed, { seq, entityType: type, entityId });
      }
      result.found += canonical;
    }
    page = page.length < PAGE ? [] : (pages.after(lastId(page)) as Pair[]);
  }
  return result;
}

/** The first row of the type's table that no event accounts for, if any. */
function firstUnrecorded(db: Database, type: AuditEntityType): string | undefined {
  const { table, key } = entitySources[type];
  return db
    .prepare<{ type: string }, string>(
      `SELECT CAST(${key} AS TEXT) FROM ${table} AS t
        WHERE NOT EXISTS (SELECT 1 FROM audit_events_legacy AS a
                           WHERE a.entity_type = @type AND a.entity_id = CAST(t.${key} AS TEXT))
          AND NOT EXISTS (SELECT 1 FROM audit_events_compact AS a
                           WHERE a.entity_type = @type AND a.entity_id = CAST(t.${key} AS TEXT))
        LIMIT 1`,
    )
    .pluck()
    .get({ type });
}

/** Entity types that only a hand-made event can carry: their every latest event is a break. */
export function unknownTypeChange(db: Database): Changed | null {
  // The types present, table by table (each an index seek per type: a scan of the audit_events
  // view would read every event).
  const types = new Set<string>();
  for (const table of ['audit_events_legacy', 'audit_events_compact']) {
    const nextType = db
      .prepare<[string], string>(
        `SELECT entity_type FROM ${table} WHERE entity_type > ? ORDER BY entity_type LIMIT 1`,
      )
      .pluck();
    const firstType = db
      .prepare<[], string | null>(`SELECT min(entity_type) FROM ${table}`)
      .pluck();
    for (let type = firstType.get() ?? undefined; type !== undefined; type = nextType.get(type))
      types.add(type);
  }
  const latest = db.prepare<[string], [string, number]>(
    'SELECT entity_id, max(seq) FROM audit_events WHERE entity_type = ? GROUP BY entity_id',
  );
  let changed: Changed | null = null;
  for (const type of types) {
    if (isAuditEntityType(type) || isStockRange(type)) continue;
    for (const [entityId, seq] of latest.raw().iterate(type))
      changed = lowerSeq(changed, { seq, entityType: type, entityId });
  }
  return changed;
}

export type EntityCheck = {
  firstBreak?: EntityBreak;
  /** Rows digested in JavaScript because SQLite's text could not vouch for them (0 normally). */
  exactRows: number;
};

/**
 * Joins the units' results: the mismatch with the lowest seq (as a walk of the latest events in
 * seq order would report), else the first row no event accounts for, in the order of
 * auditEntityTypes. When a type's found rows are as many as its table's, no row lacks an event,
 * and only otherwise is the table searched for the first one.
 */
export function joinEntityChecks(
  db: Database,
  units: readonly EntityUnit[],
  results: readonly EntityUnitResult[],
  unknown: Changed | null,
): EntityCheck {
  // Outbox rows recorded only inside the event of the operation that queued them (issue 12).
  const queued = checkQueuedOutbox(db);
  // Rows recorded only inside the event of the operation that created them (issue 15).
  const covered = checkCoveredRows(db);
  const findings: Findings = {
    changed: lowerSeq(lowerSeq(unknown, queued.changed), covered.changed),
    unrecorded: null,
  };
  let exactRows = 0;
  const found = new Map<AuditEntityType, number>();
  units.forEach((unit, i) => {
    const result = results[i];
    if (result === undefined) throw new Error('an entity unit has no result');
    exactRows += result.exactRows;
    findings.changed = lowerSeq(findings.changed, result.changed);
    found.set(unit.type, (found.get(unit.type) ?? 0) + result.found);
  });
  found.set('outbox', (found.get('outbox') ?? 0) + queued.covered);
  // Stock numbers registered by a range event and accounted for by it alone (check-stock-ranges.ts).
  const ranges = checkStockRanges(db);
  findings.changed = lowerSeq(findings.changed, ranges.changed);
  found.set('stock', (found.get('stock') ?? 0) + ranges.covered);
  for (const [type, rows] of covered.covered) found.set(type, (found.get(type) ?? 0) + rows);
  for (const type of auditEntityTypes) {
    const { table } = entitySources[type];
    const rows = db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
    if ((found.get(type) ?? 0) === rows) continue;
    if (type === 'stock') {
      const stock = firstUncoveredStock(db, ranges, covered.keys.get('stock'));
      if (stock === null) continue;
      // A number of a range whose status changed with no event differs from what the range's
      // event recorded ('available'); any other is a row no event accounts for.
      if (stock.rangeSeq === null)
        findings.unrecorded = { entityType: type, entityId: stock.number };
      else
        findings.changed = lowerSeq(findings.changed, {
          seq: stock.rangeSeq,
          entityType: type,
          entityId: stock.number,
        });
      break;
    }
    // A row with no event of its own may be recorded by its operation's event: only
    // checkQueuedOutbox tells the two apart.
    const coveredKeys = covered.keys.get(type);
    const entityId =
      type === 'outbox'
        ? (queued.unrecorded ?? undefined)
        : coveredKeys === undefined
          ? firstUnrecorded(db, type)
          : firstUncovered(db, type, coveredKeys);
    if (entityId !== undefined) {
      findings.unrecorded = { entityType: type, entityId };
      break;
    }
  }
  const firstBreak = breakOf(db, findings);
  return firstBreak === undefined ? { exactRows } : { firstBreak, exactRows };
}

/** The whole entity check in one thread (verify-audit-chain.ts can spread the units). */
export function checkEntities(db: Database): EntityCheck {
  const units = entityUnits(db);
  const results = units.map((unit) => checkEntityUnit(db, unit));
  return joinEntityChecks(db, units, results, unknownTypeChange(db));
}

export function checkEntityDigests(db: Database): EntityBreak | undefined {
  return checkEntities(db).firstBreak;
}

function breakOf(db: Database, findings: Findings): EntityBreak | undefined {
  const { changed, unrecorded } = findings;
  if (changed !== null)
    return {
      seq: changed.seq,
      kind: 'entity',
      entityType: changed.entityType,
      entityId: changed.entityId,
      message: `${capitalise(describeEntity(db, changed.entityType, changed.entityId))} differs from what audit event ${String(changed.seq)} recorded: it was changed or removed outside KP Desk.`,
    };
  if (unrecorded !== null)
    return {
      seq: null,
      kind: 'entity',
      entityType: unrecorded.entityType,
      entityId: unrecorded.entityId,
      message: `${capitalise(describeEntity(db, unrecorded.entityType, unrecorded.entityId))} has no audit event: it was added outside KP Desk.`,
    };
  return undefined;
}
