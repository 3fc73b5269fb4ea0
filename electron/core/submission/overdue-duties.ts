// The Census copies that are late: a copy of every exported certificate is due "immediately after
// export" and of every voided one "immediately on voiding" (31 CFR 592.301(a)(1)(iv)-(v);
// 15 CFR 30.7(c)). KP Desk flags a copy not delivered 24 hours after it became due. It became due
// at the export (the ship date, a calendar day, taken from its start in UTC, or the moment the
// shipment was recorded if that is earlier) or at the voiding (the certificate's voided_at, or the moment the copy was queued if earlier).
// Delivered means a stored, verified receipt (delivered or delivered with warnings); a Cancelled
// copy is not delivered, so the duty stays overdue until another copy of it is.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OverdueDuty, SubmissionStatus } from '../../../shared/records/submission-views';

const DAY_MS = 24 * 60 * 60 * 1000;

type Row = {
  certificate_id: number | null;
  number: string;
  reason: 'shipped' | 'voided';
  created_at: string;
  ship_date: string | null;
  voided_at: string | null;
  delivered: number;
  status: SubmissionStatus;
};

export function createOverdueDuties(db: Database) {
  // One line per certificate (or blank form) and duty: the first copy's time, whether any copy of
  // that duty was delivered, and the newest copy's status (what the user acts on). The newest
  // copy is found among the Census keys "<number>/<duty>/v<n>" (a range of the UNIQUE index, as
  // outbox-rows-of-certificate.ts explains: there is no index on certificate_id, migration 0300).
  const rows = db.prepare<[], Row>(
    `SELECT o.certificate_id, coalesce(c.number, o.stock_number) AS number, o.reason,
        min(o.created_at) AS created_at, c.ship_date, c.voided_at,
        max(o.status IN ('delivered', 'delivered_with_warnings')) AS delivered,
        (SELECT o2.status FROM outbox AS o2 WHERE o2.recipient = 'census'
           AND o2.idempotency_key > coalesce(c.number, o.stock_number) || '/' || o.reason || '/'
           AND o2.idempotency_key < coalesce(c.number, o.stock_number) || '/' || o.reason || '0'
           AND o2.reason = o.reason AND o2.certificate_id IS o.certificate_id
           AND o2.stock_number IS o.stock_number ORDER BY o2.id DESC LIMIT 1) AS status
       FROM outbox AS o LEFT JOIN certificates AS c ON c.id = o.certificate_id
      WHERE o.recipient = 'census' AND o.reason IN ('shipped', 'voided')
      GROUP BY o.certificate_id, o.stock_number, o.reason
      HAVING delivered = 0`,
  );
  return (now: Date): OverdueDuty[] => {
    const duties: OverdueDuty[] = [];
    for (const row of rows.all()) {
      const recorded = Date.parse(row.created_at);
      const recordDate =
        row.reason === 'shipped'
          ? row.ship_date === null
            ? Number.NaN
            : Date.parse(`${row.ship_date}T00:00:00Z`)
          : row.voided_at === null
            ? Number.NaN
            : Date.parse(row.voided_at);
      const since = Number.isNaN(recordDate) ? recorded : Math.min(recorded, recordDate);
      const overdueAt = since + DAY_MS;
      if (now.getTime() < overdueAt) continue;
      duties.push({
        certificateId: row.certificate_id,
        number: row.number,
        duty: row.reason === 'shipped' ? 'export' : 'void',
        dueSince: new Date(since).toISOString(),
        overdueAt: new Date(overdueAt).toISOString(),
        status: row.status,
      });
    }
    return duties;
  };
}
