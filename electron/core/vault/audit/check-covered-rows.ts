// The full verification's part for rows recorded inside the event of the operation that created
// them (issue 15 part 3, covered-digests.ts): a record import writes the certificate, its stock
// number and its import mark, and one event that records all three digests. The latest-event
// check (check-entity-digests.ts) covers every row that has events of its own; this covers the
// rest, so that each covered row is held exactly as when it had an event of its own:
// - changed: a covered row with no event of its own must digest as its covering event recorded;
// - removed: a covered row with no event of its own must still be there;
// - added: the rows covered are counted per type, so that joinEntityChecks finds a row with
//   neither an event of its own nor a covering event (firstUncovered).
// A covered row that has an event of its own (a later change) is the latest-event check's.
// The covering events are found by action (COVERING_ACTIONS) on the tables' action indexes; each
// covered row is read by key, a thousand at a time, with its canonical text written by SQLite
// (rowTextSql) as the other checks do; only a row SQLite cannot vouch for is digested in
// JavaScript.
import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntityType } from './entity-digest';
import { entitySources } from './entity-digest';
import { COVERING_ACTIONS, coveredIn } from './covered-digests';
import { isAscii, rowDigestWriter, rowTextSql } from './row-canonical-text';

type Changed = { seq: number; entityType: string; entityId: string };

export type CoveredRowsCheck = {
  /** The lowest-seq covering event whose covered row was changed or removed (or is malformed). */
  changed: Changed | null;
  /** Per type: rows with no event of their own that a covering event records, and match it. */
  covered: Map<AuditEntityType, number>;
  /** Per type: the keys the covering events record (for the search of an added row). */
  keys: Map<AuditEntityType, Set<string>>;
};

const BATCH = 1_000;

const lower = (a: Changed | null, b: Changed | null): Changed | null =>
  a === null ? b : b === null || a.seq <= b.seq ? a : b;

type Recorded = { seq: number; digest: string };

/** Every covered row's latest covering record, by type and key. */
function coveringRecords(db: Database): {
  byType: Map<AuditEntityType, Map<string, Recorded>>;
  malformed: Changed | null;
} {
  const byType = new Map<AuditEntityType, Map<string, Recorded>>();
  let malformed: Changed | null = null;
  const actions = COVERING_ACTIONS.map((action) => `'${action}'`).join(', ');
  const events = db
    .prepare<[], [number, string, string, string]>(
      `SELECT seq, entity_type, entity_id, entity_digest FROM audit_events_legacy
        WHERE action IN (${actions})
       UNION ALL
       SELECT seq, entity_type, entity_id, entity_digest FROM audit_events_compact
        WHERE action IN (${actions})
       ORDER BY 1`,
    )
    .raw();
  for (const [seq, entityType, entityId, recorded] of events.iterate()) {
    const rows = coveredIn(recorded);
    if (rows === null) {
      malformed = lower(malformed, { seq, entityType, entityId });
      continue;
    }
    for (const row of rows) {
      const integer = entitySources[row.entityType].integer;
      // An integer key is written as String(id): another spelling only a hand-made event holds.
      if (integer && !/^[1-9]\d{0,15}$/.test(row.entityId)) {
        malformed = lower(malformed, { seq, entityType, entityId });
        continue;
      }
      const keys = byType.get(row.entityType) ?? new Map<string, Recorded>();
      byType.set(row.entityType, keys);
      keys.set(row.entityId, { seq, digest: row.digest });
    }
  }
  return { byType, malformed };
}

type Row = [key: string, present: 0 | 1, own: 0 | 1, text: string | null];

export function checkCoveredRows(db: Database): CoveredRowsCheck {
  const { byType, malformed } = coveringRecords(db);
  const result: CoveredRowsCheck = { changed: malformed, covered: new Map(), keys: new Map() };
  for (const [type, records] of byType) {
    const { table, key, integer } = entitySources[type];
    // Table and key names come from the constant map in entity-digest.ts, never from input.
    const byKey = db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).raw();
    const columns = byKey.columns().map((column) => column.name);
    const exactDigest = rowDigestWriter(columns);
    const join = integer ? `t.${key} = CAST(j.value AS INTEGER)` : `t.${key} = j.value`;
    const rows = db
      .prepare<{ type: string; keys: string }, Row>(
        `SELECT j.value, t.${key} IS NOT NULL,
           EXISTS (SELECT 1 FROM audit_events_legacy AS a
                    WHERE a.entity_type = @type AND a.entity_id = j.value)
             OR EXISTS (SELECT 1 FROM audit_events_compact AS a
                         WHERE a.entity_type = @type AND a.entity_id = j.value),
           ${rowTextSql(columns, 't')}
         FROM json_each(@keys) AS j LEFT JOIN ${table} AS t ON ${join}`,
      )
      .raw();
    const keys = [...records.keys()];
    let covered = 0;
    for (let start = 0; start < keys.length; start += BATCH) {
      const batch = JSON.stringify(keys.slice(start, start + BATCH));
      for (const [id, present, own, text] of rows.iterate({ type, keys: batch }) as Iterable<Row>) {
        // A row with an event of its own: its latest own event is its record.
        if (own === 1) continue;
        const record = records.get(id);
        if (record === undefined) continue;
        const fast = text !== null && isAscii(text) ? hash('sha256', text, 'hex') : null;
        if (
          present === 0 ||
          (fast !== record.digest &&
            exactDigest(byKey.get(integer ? Number(id) : id) as unknown[]) !== record.digest)
        ) {
          result.changed = lower(result.changed, {
            seq: record.seq,
            entityType: type,
            entityId: id,
          });
          continue;
        }
        covered += 1;
      }
    }
    result.covered.set(type, covered);
    result.keys.set(type, new Set(keys));
  }
  return result;
}

/** The first row of the type's table that neither an event of its own nor a covering event
 * records, if any. */
export function firstUncovered(
  db: Database,
  type: AuditEntityType,
  coveredKeys: ReadonlySet<string>,
): string | undefined {
  const { table, key } = entitySources[type];
  const rows = db
    .prepare<{ type: string }, string>(
      `SELECT CAST(${key} AS TEXT) FROM ${table} AS t
        WHERE NOT EXISTS (SELECT 1 FROM audit_events_legacy AS a
                           WHERE a.entity_type = @type AND a.entity_id = CAST(t.${key} AS TEXT))
          AND NOT EXISTS (SELECT 1 FROM audit_events_compact AS a
                           WHERE a.entity_type = @type AND a.entity_id = CAST(t.${key} AS TEXT))`,
    )
    .pluck();
  for (const id of rows.iterate({ type })) if (!coveredKeys.has(id)) return id;
  return undefined;
}
