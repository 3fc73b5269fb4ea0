// The issue_references table (migration 0130): which certificate a shipping system's reference
// became. Written only inside the transaction that issues the certificate, with its audit event,
// so a reference is recorded if and only if its certificate was issued.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export type IssueReference = {
  reference: string;
  certificateId: number;
  batchFile: string;
  batchRow: number;
  recordedAt: string;
  recordedBy: number;
};

type Row = {
  reference: string;
  certificate_id: number;
  batch_file: string;
  batch_row: number;
  recorded_at: string;
  recorded_by: number;
};

const toReference = (row: Row): IssueReference => ({
  reference: row.reference,
  certificateId: row.certificate_id,
  batchFile: row.batch_file,
  batchRow: row.batch_row,
  recordedAt: row.recorded_at,
  recordedBy: row.recorded_by,
});

export function createIssueReferenceRepository(db: Database) {
  const byReference = db.prepare<[string], Row>(
    'SELECT * FROM issue_references WHERE reference = ?',
  );
  // RETURNING *: the row as `SELECT *` reads it, for the audit digest without a read-back.
  const insert = db.prepare<IssueReference, Row>(
    `INSERT INTO issue_references (reference, certificate_id, batch_file, batch_row, recorded_at, recorded_by)
     VALUES (@reference, @certificateId, @batchFile, @batchRow, @recordedAt, @recordedBy)
     RETURNING *`,
  );
  return {
    get: (reference: string): IssueReference | null => {
      const row = byReference.get(reference);
      return row === undefined ? null : toReference(row);
    },
    /**
     * Inside the issuing transaction only; a reference already recorded fails the insert. Gives
     * the row as stored.
     */
    add: (entry: IssueReference): Row => {
      const row = insert.get(entry);
      if (row === undefined) throw new Error('issue reference missing after insert');
      return row;
    },
  };
}

export type IssueReferenceRepository = ReturnType<typeof createIssueReferenceRepository>;
