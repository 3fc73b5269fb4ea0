// One page of the audit log, newest first, by keyset: the events strictly older (by time, then
// sequence) than the last one shown. The SQL is assembled from fixed fragments for the filters
// that are set (values are always bound parameters), because a "? IS NULL OR …" clause would hide
// the filter from the planner: with the fragments each filter reads one range of its own index
// (migration 0200) in the order of the page, and the page ends after `limit` rows, so the cost
// does not grow with the size of the log (an audit log is kept for years: 10 years under the
// licensee's record duty, 31 CFR 592.301(a)(2)).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type {
  AuditLogCursor,
  AuditLogEvent,
  AuditLogFilter,
} from '../../../shared/audit-log/audit-log-query';
import { describeAuditEvent } from './describe-audit-event';
import { localDayBounds } from './local-day-bounds';
import { outboxRowsOf } from '../vault/repositories/outbox-rows-of-certificate';

export type AuditEventRow = {
  seq: number;
  at: string;
  user_id: number | null;
  user_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  certificate_id: number | null;
  certificate_number: string | null;
  range_first: string | null;
  range_last: string | null;
  range_count: number | null;
};

// A registered range (one event for its numbers, issue 13 part 6) is worded by its first and last
// number and its count, read for the page's few range events from the index stock_by_batch.
const rangeFact = (select: string): string =>
  `CASE WHEN a.entity_type = 'stock_range' THEN (${select}) END`;
const RANGE_FACTS = [
  `${rangeFact('SELECT number FROM stock WHERE batch_id = a.entity_id ORDER BY digits LIMIT 1')} AS range_first`,
  `${rangeFact('SELECT number FROM stock WHERE batch_id = a.entity_id ORDER BY digits DESC LIMIT 1')} AS range_last`,
  `${rangeFact('SELECT count(*) FROM stock WHERE batch_id = a.entity_id')} AS range_count`,
].join(',\n    ');

// Every kind of record that belongs to one certificate names it: the certificate itself, its form
// in stock, its corrections, its signed PDFs (and their signature levels), its submissions and,
// for a record imported from elsewhere, its import mark (record_imports, keyed by certificate).
const selectEvents = (events: string): string => `SELECT a.seq, a.at, a.user_id,
    u.display_name AS user_name, a.action, a.entity_type, a.entity_id,
    COALESCE(c.id, s.id, ec.id, tc.id, oc.id) AS certificate_id,
    COALESCE(c.number, s.number, ec.number, tc.number, oc.number) AS certificate_number,
    ${RANGE_FACTS}
  FROM (${events}) AS a
  LEFT JOIN users AS u ON u.id = a.user_id
  LEFT JOIN certificates AS c
    ON a.entity_type IN ('certificate', 'record_import') AND c.id = a.entity_id
  LEFT JOIN certificates AS s ON a.entity_type = 'stock' AND s.number = a.entity_id
  LEFT JOIN edit_requests AS e ON a.entity_type = 'edit_request' AND e.id = a.entity_id
  LEFT JOIN certificates AS ec ON ec.id = e.certificate_id
  LEFT JOIN attachments AS t
    ON a.entity_type IN ('attachment', 'signature_level') AND t.id = a.entity_id
  LEFT JOIN certificates AS tc ON tc.id = t.certificate_id
  LEFT JOIN outbox AS o ON a.entity_type = 'outbox' AND o.id = a.entity_id
  LEFT JOIN certificates AS oc ON oc.id = o.certificate_id`;

// Since migration 0260 the events are in two tables (legacy and compact), each with the indexes
// of 0200. A page is read from each table as one range of its own index, newest first and at
// most `limit` rows (the view audit_events, a UNION ALL, would be read whole and sorted), and
// only those at most 2 * limit rows are put in order.
const pageOf = (table: string, where: string): string =>
  `SELECT * FROM (SELECT a.seq, a.at, a.user_id, a.action, a.entity_type, a.entity_id
     FROM ${table} AS a ${where} ORDER BY a.at DESC, a.seq DESC LIMIT @limit)`;

// The events of one certificate and of everything that belongs to it (each branch an index
// lookup on audit_latest_by_entity, migration 0030); a certificate has tens of events, not more.
const OF_CERTIFICATE = `(
    (a.entity_type IN ('certificate', 'record_import') AND a.entity_id = @certificateIdText)
    OR (a.entity_type = 'stock' AND a.entity_id = @certificateNumber)
    OR (a.entity_type = 'stock_range' AND a.entity_id = @rangeIdText)
    OR (a.entity_type = 'edit_request' AND a.entity_id IN
         (SELECT CAST(id AS TEXT) FROM edit_requests WHERE certificate_id = @certificateId))
    OR (a.entity_type IN ('attachment', 'signature_level') AND a.entity_id IN
         (SELECT CAST(id AS TEXT) FROM attachments WHERE certificate_id = @certificateId))
    OR (a.entity_type = 'outbox' AND a.entity_id IN
         (SELECT CAST(qo.id AS TEXT) FROM certificates AS qc
            JOIN outbox AS qo ON ${outboxRowsOf('qc', 'qo')} WHERE qc.id = @certificateId)))`;

export type AuditPageQuery = { sql: string; params: Record<string, string | number> };

/** The SQL and parameters of one page; exported so the tests can EXPLAIN the exact query. */
export function auditPageQuery(
  db: Database,
  filter: AuditLogFilter,
  after: AuditLogCursor | null,
  limit: number,
): AuditPageQuery {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit };
  if (after !== null) {
    where.push('(a.at, a.seq) < (@afterAt, @afterSeq)');
    params.afterAt = after.at;
    params.afterSeq = after.seq;
  }
  if (filter.userId !== undefined) {
    where.push('a.user_id = @userId');
    params.userId = filter.userId;
  }
  if (filter.action !== undefined) {
    where.push('a.action = @action');
    params.action = filter.action;
  }
  const { fromAt, toAt } = localDayBounds(filter);
  if (fromAt !== null) {
    where.push('a.at >= @fromAt');
    params.fromAt = fromAt;
  }
  if (toAt !== null) {
    where.push('a.at < @toAt');
    params.toAt = toAt;
  }
  if (filter.certificateNumber !== undefined) {
    const id = db
      .prepare<[string], number>('SELECT id FROM certificates WHERE number = ?')
      .pluck()
      .get(filter.certificateNumber);
    // A form number with no certificate yet still has its stock events.
    where.push(OF_CERTIFICATE);
    params.certificateNumber = filter.certificateNumber;
    params.certificateId = id ?? -1;
    params.certificateIdText = String(id ?? -1);
    // The range its form was registered in (one event for the whole range, issue 13 part 6).
    const batch = db
      .prepare<[string], number>('SELECT batch_id FROM stock WHERE number = ?')
      .pluck()
      .get(filter.certificateNumber);
    params.rangeIdText = String(batch ?? -1);
  }
  const whereSql = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const events = `${pageOf('audit_events_legacy', whereSql)}
    UNION ALL ${pageOf('audit_events_compact', whereSql)}`;
  const sql = `${selectEvents(events)}
  ORDER BY a.at DESC, a.seq DESC LIMIT @limit`;
  return { sql, params };
}

export function toAuditLogEvent(row: AuditEventRow): AuditLogEvent {
  return {
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    userName: row.user_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    certificateNumber: row.certificate_number,
    certificateId: row.certificate_id,
    details: describeAuditEvent(row),
  };
}

/** Up to `limit` events after the cursor, and the cursor of the next page (null: no more). */
export function readAuditPage(
  db: Database,
  filter: AuditLogFilter,
  after: AuditLogCursor | null,
  limit: number,
): { events: AuditLogEvent[]; next: AuditLogCursor | null } {
  // One row more than asked says whether an older page exists, without counting the log.
  const { sql, params } = auditPageQuery(db, filter, after, limit);
  const rows = db.prepare<[Record<string, string | number>], AuditEventRow>(sql).all({
    ...params,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const number = filter.certificateNumber;
  return {
    // The range event of a certificate's form belongs to that certificate in its own view.
    events: page.map((row) =>
      toAuditLogEvent(
        number !== undefined && row.entity_type === 'stock_range'
          ? { ...row, certificate_number: number }
          : row,
      ),
    ),
    next: rows.length > limit && last !== undefined ? { at: last.at, seq: last.seq } : null,
  };
}
