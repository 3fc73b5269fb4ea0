// The history of one certificate for the records page, read from the audit chain: the events of
// the certificate itself, of its stock form (registered, voided), of its edit requests and of its
// signed documents (signed, superseded by a correction, a superseded copy saved), in chain order, each with the name of the person who acted (null for the system or first run).
// A form registered since issue 13 part 6 has no event of its own for its registration: the
// event of the range it was registered in (stock_range, keyed by its batch) tells when.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export type TimelineEvent = {
  seq: number;
  at: string;
  action: string;
  entityType: 'certificate' | 'stock' | 'stock_range' | 'edit_request' | 'attachment';
  userId: number | null;
  userDisplayName: string | null;
};

type Row = {
  seq: number;
  at: string;
  action: string;
  entity_type: TimelineEvent['entityType'];
  user_id: number | null;
  display_name: string | null;
};

// Each branch of the OR is answered from the audit_by_entity index.
const TIMELINE_SQL = `SELECT a.seq, a.at, a.action, a.entity_type, a.user_id, u.display_name
  FROM audit_events AS a LEFT JOIN users AS u ON u.id = a.user_id
  WHERE (a.entity_type = 'certificate' AND a.entity_id = @idText)
     OR (a.entity_type = 'stock' AND a.entity_id = @number)
     OR (a.entity_type = 'stock_range' AND a.entity_id =
          (SELECT CAST(batch_id AS TEXT) FROM stock WHERE number = @number))
     OR (a.entity_type = 'edit_request' AND a.entity_id IN
          (SELECT CAST(id AS TEXT) FROM edit_requests WHERE certificate_id = @id))
     OR (a.entity_type = 'attachment' AND a.entity_id IN
          (SELECT CAST(id AS TEXT) FROM attachments WHERE certificate_id = @id))
  ORDER BY a.seq`;

export type CertificateTimelineRepository = ReturnType<typeof createCertificateTimelineRepository>;

export function createCertificateTimelineRepository(db: Database) {
  const timeline = db.prepare<[{ idText: string; number: string; id: number }], Row>(TIMELINE_SQL);
  return {
    forCertificate: (id: number, number: string): TimelineEvent[] =>
      timeline.all({ idText: String(id), number, id }).map((row) => ({
        seq: row.seq,
        at: row.at,
        action: row.action,
        entityType: row.entity_type,
        userId: row.user_id,
        userDisplayName: row.display_name,
      })),
  };
}
