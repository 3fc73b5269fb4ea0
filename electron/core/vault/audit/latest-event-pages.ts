// The latest audit event of every entity of one unit (a type, or a stretch of its ids), a page at
// a time in entity_id order, for check-entity-digests.ts. Since migration 0260 events live in two
// tables (legacy and compact), each with its covering index (entity_type, entity_id, seq,
// entity_digest). When only one table holds the type, a page is read from its index as before.
// When both do (a vault upgraded in use), an entity may have events in both, and its latest is
// the higher seq of the two: a page then ends at the lower of the two tables' PAGE-th entity
// (so that it holds at most 2 * PAGE entities, never the rest of the table), and the events of
// both tables up to that id are grouped together. Every entity comes in exactly one page.
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { EntityUnit } from './check-entity-digests';
import { isAscii } from './row-canonical-text';

/** Latest events read per page, by keyset: better-sqlite3 runs one statement at a time. */
export const PAGE = 1_000;

const TABLES = ['audit_events_legacy', 'audit_events_compact'] as const;

/** Whether entity id `a` comes after `b` in SQLite's BINARY order (UTF-8 bytes). */
export function idAfter(a: string, b: string): boolean {
  return !isAscii(a) || !isAscii(b)
    ? Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')) > 0
    : a > b;
}

type Params = Record<string, string>;

export type LatestEventPages = {
  /** The unit's first page. */
  first: () => unknown[];
  /** The page after entity `after`. */
  after: (after: string) => unknown[];
};

/**
 * `wrap` turns the SQL of a page of latest events (columns entity_id, seq, entity_digest) into the
 * statement the caller runs (a join with the entity's rows).
 */
export function latestEventPages(
  db: Database,
  unit: EntityUnit,
  wrap: (events: string) => Statement,
): LatestEventPages {
  const conditions = (lower: string | null, bounded: boolean): string =>
    [
      'entity_type = @type',
      ...(lower === null ? [] : [lower]),
      ...(unit.high === null ? [] : ['entity_id < @high']),
      ...(bounded ? ['entity_id <= @bound'] : []),
    ].join(' AND ');
  const base: Params = { type: unit.type, ...(unit.high === null ? {} : { high: unit.high }) };
  const firstLower = unit.low === null ? null : 'entity_id >= @low';
  const firstParams: Params = { ...base, ...(unit.low === null ? {} : { low: unit.low }) };
  const holds = TABLES.filter(
    (table) =>
      db
        .prepare<[string], number>(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE entity_type = ?)`)
        .pluck()
        .get(unit.type) === 1,
  );
  if (holds.length < 2) {
    const table = holds[0] ?? 'audit_events_compact';
    const single = (lower: string | null): Statement =>
      wrap(`SELECT entity_id, max(seq) AS seq, entity_digest FROM ${table}
        WHERE ${conditions(lower, false)}
        GROUP BY entity_id ORDER BY entity_id LIMIT ${String(PAGE)}`);
    const firstPage = single(firstLower);
    const nextPage = single('entity_id > @after');
    return {
      first: () => firstPage.all(firstParams),
      after: (after) => nextPage.all({ ...base, after }),
    };
  }
  const merged = (lower: string | null, bounded: boolean): Statement =>
    wrap(`SELECT entity_id, max(seq) AS seq, entity_digest FROM (
        ${TABLES.map(
          (table) => `SELECT entity_id, seq, entity_digest FROM ${table}
            WHERE ${conditions(lower, bounded)}`,
        ).join(' UNION ALL ')}) GROUP BY entity_id`);
  // The PAGE-th entity of a table after the lower bound, or null when it has fewer.
  const pageEnd = (lower: string | null) =>
    TABLES.map((table) =>
      db.prepare<Params, { n: number; last: string | null }>(
        `SELECT count(*) AS n, max(entity_id) AS last FROM (SELECT entity_id FROM ${table}
          WHERE ${conditions(lower, false)}
          GROUP BY entity_id ORDER BY entity_id LIMIT ${String(PAGE)})`,
      ),
    );
  const statements = (lower: string | null) => ({
    ends: pageEnd(lower),
    open: merged(lower, false),
    bounded: merged(lower, true),
  });
  const run = (s: ReturnType<typeof statements>, params: Params): unknown[] => {
    let bound: string | null = null;
    for (const end of s.ends) {
      const row = end.get(params);
      if (row === undefined || row.n < PAGE || row.last === null) continue;
      if (bound === null || idAfter(bound, row.last)) bound = row.last;
    }
    return bound === null ? s.open.all(params) : s.bounded.all({ ...params, bound });
  };
  const firstStatements = statements(firstLower);
  const nextStatements = statements('entity_id > @after');
  return {
    first: () => run(firstStatements, firstParams),
    after: (after) => run(nextStatements, { ...base, after }),
  };
}
