// Corrections to a certificate after issue: a request (the proposed draft and the reason) that an
// administrator or reviewer approves or rejects; never a silent edit of an issued certificate.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificateDraft } from '../../../../shared/domain/certificate-draft';
import { StoredCertificateDraftSchema } from '../../../../shared/domain/certificate-draft';
import { AppFailure } from '../../app-failure';
import { canonicalJson } from '../audit/canonical-json';

export type EditRequestStatus = 'pending' | 'approved' | 'rejected';

export type EditRequest = {
  id: number;
  certificateId: number;
  proposed: CertificateDraft;
  reason: string;
  status: EditRequestStatus;
  requestedBy: number;
  requestedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
};

type EditRequestRow = {
  id: number;
  certificate_id: number;
  proposed_json: string;
  reason: string;
  status: EditRequestStatus;
  requested_by: number;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
};

function toRequest(row: EditRequestRow): EditRequest {
  return {
    id: row.id,
    certificateId: row.certificate_id,
    proposed: StoredCertificateDraftSchema.parse(JSON.parse(row.proposed_json)),
    reason: row.reason,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
  };
}

export type EditRequestRepository = ReturnType<typeof createEditRequestRepository>;

export function createEditRequestRepository(db: Database, now: () => Date) {
  const byId = db.prepare<[number], EditRequestRow>('SELECT * FROM edit_requests WHERE id = ?');
  const forCertificate = db.prepare<[number], EditRequestRow>(
    'SELECT * FROM edit_requests WHERE certificate_id = ? ORDER BY id',
  );
  const pending = db.prepare<[], EditRequestRow>(
    "SELECT * FROM edit_requests WHERE status = 'pending' ORDER BY id",
  );
  const filtered = db.prepare<
    [string | null, string | null, number | null, number | null],
    EditRequestRow
  >(
    `SELECT * FROM edit_requests WHERE (? IS NULL OR status = ?) AND (? IS NULL OR certificate_id = ?)
     ORDER BY id DESC LIMIT 500`,
  );
  const insert = db.prepare(
    `INSERT INTO edit_requests (certificate_id, proposed_json, reason, status, requested_by, requested_at)
     VALUES (?, ?, ?, 'pending', ?, ?)`,
  );
  const decide = db.prepare(
    `UPDATE edit_requests SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?
     WHERE id = ? AND status = 'pending'`,
  );

  const get = (id: number): EditRequest | null => {
    const row = byId.get(id);
    return row === undefined ? null : toRequest(row);
  };
  const mustGet = (id: number): EditRequest => {
    const request = get(id);
    if (request === null) throw new AppFailure('NOT_FOUND', 'This edit request does not exist.');
    return request;
  };

  return {
    get,
    mustGet,
    listForCertificate: (certificateId: number): EditRequest[] =>
      forCertificate.all(certificateId).map(toRequest),
    listPending: (): EditRequest[] => pending.all().map(toRequest),
    /** Newest first, at most 500, optionally of one status and/or one certificate. */
    list: (filter: { status?: EditRequestStatus; certificateId?: number }): EditRequest[] => {
      const status = filter.status ?? null;
      const certificateId = filter.certificateId ?? null;
      return filtered.all(status, status, certificateId, certificateId).map(toRequest);
    },
    create: (
      certificateId: number,
      proposed: CertificateDraft,
      reason: string,
      requestedBy: number,
    ): EditRequest => {
      const result = insert.run(
        certificateId,
        canonicalJson(proposed),
        reason,
        requestedBy,
        now().toISOString(),
      );
      return mustGet(Number(result.lastInsertRowid));
    },
    decide: (
      id: number,
      status: Exclude<EditRequestStatus, 'pending'>,
      decidedBy: number,
      note: string,
    ): EditRequest => {
      const result = decide.run(status, decidedBy, now().toISOString(), note, id);
      if (result.changes !== 1) {
        const request = mustGet(id);
        throw new AppFailure('CONFLICT', `This edit request was already ${request.status}.`);
      }
      return mustGet(id);
    },
  };
}
