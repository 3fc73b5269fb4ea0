// The certificates: one row per certificate form taken from stock, with its draft (canonical
// JSON) and the columns derived from it. Every change checks the row's version, so two people
// editing the same certificate cannot silently overwrite each other (CONFLICT instead).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificateDraft } from '../../../../shared/domain/certificate-draft';
import { normalizeCertificateNumber } from '../../../../shared/domain/certificate-number';
import { normalizeItn } from '../../../../shared/domain/itn';
import { AppFailure } from '../../app-failure';
import { CertificateListSchema } from '../../../../shared/records/certificate-list-query';
import { createCertificateLister } from './certificate-list-query';
import type { CertificatePage } from './certificate-list-query';
import type {
  CertificateRecord,
  CertificateRow,
  LifecycleColumns,
  StoredState,
} from './certificate-row';
import { derivedColumns, insertedRecord, lifecycleParams, toRecord } from './certificate-row';
import { parseInput } from './parse-input';
import { canonicalJson } from '../audit/canonical-json';
import type { DraftPackaging, DraftWarranty } from '../../../../shared/records/issuance-inputs';

const DERIVED_SET = `draft_json = @draft_json, exporter_name = @exporter_name,
  consignee_name = @consignee_name, destination_country = @destination_country,
  hs_code = @hs_code, itn = @itn, date_of_issue = @date_of_issue,
  carat_hundredths = @carat_hundredths, value_cents = @value_cents`;

const LIFECYCLE_SET = `state = @state, packaging_json = @packaging_json,
  warranty_json = @warranty_json, attested_by = @attested_by, issued_at = @issued_at,
  ship_date = @ship_date, delivered_at = @delivered_at, import_confirmed = @import_confirmed,
  void_reason = @void_reason, void_notes = @void_notes, voided_at = @voided_at,
  expired_at = @expired_at`;

export type CertificateRepository = ReturnType<typeof createCertificateRepository>;

export function createCertificateRepository(db: Database, now: () => Date) {
  const byId = db.prepare<[number], CertificateRow>('SELECT * FROM certificates WHERE id = ?');
  const byNumber = db.prepare<[string], CertificateRow>(
    'SELECT * FROM certificates WHERE number = ?',
  );
  const byItn = db.prepare<[string], CertificateRow>(
    'SELECT * FROM certificates WHERE itn = ? ORDER BY id',
  );
  const insert = db.prepare(
    `INSERT INTO certificates (number, state, draft_json, exporter_name, consignee_name,
       destination_country, hs_code, itn, date_of_issue, carat_hundredths, value_cents,
       created_at, updated_at)
     VALUES (@number, @state, @draft_json, @exporter_name, @consignee_name,
       @destination_country, @hs_code, @itn, @date_of_issue, @carat_hundredths, @value_cents,
       @at, @at)`,
  );
  // A bulk issue's certificate, written once in its final state (issuance/issue-in-one-step.ts).
  // RETURNING *: the row exactly as `SELECT *` reads it, for its audit digest, without a read.
  const insertIssued = db.prepare<Record<string, unknown>, CertificateRow>(
    `INSERT INTO certificates (number, state, draft_json, exporter_name, consignee_name,
       destination_country, hs_code, itn, date_of_issue, carat_hundredths, value_cents,
       packaging_json, warranty_json, attested_by, issued_at, ship_date, delivered_at,
       import_confirmed, void_reason, void_notes, voided_at, expired_at, created_at, updated_at)
     VALUES (@number, @state, @draft_json, @exporter_name, @consignee_name,
       @destination_country, @hs_code, @itn, @date_of_issue, @carat_hundredths, @value_cents,
       @packaging_json, @warranty_json, @attested_by, @issued_at, @ship_date, @delivered_at,
       @import_confirmed, @void_reason, @void_notes, @voided_at, @expired_at, @at, @at)
     RETURNING *`,
  );
  const saveDraft = db.prepare(
    `UPDATE certificates SET ${DERIVED_SET}, state = @state,
       packaging_json = COALESCE(@packaging_json, packaging_json),
       warranty_json = COALESCE(@warranty_json, warranty_json), updated_at = @at,
       version = version + 1 WHERE id = @id AND version = @version`,
  );
  const saveLifecycle = db.prepare(
    `UPDATE certificates SET ${LIFECYCLE_SET}, updated_at = @at, version = version + 1
     WHERE id = @id AND version = @version`,
  );
  const list = createCertificateLister(db);
  // Issued and past the date of expiry. The expiry comes after the issue (592.307), so the
  // (state, date_of_issue) index narrows the search to issued rows dated before today.
  const overdueIssued = db
    .prepare<{ today: string }, number>(
      // The expression of the partial index certificates_issued_by_expiry (migration 0060).
      // Named, not left to statistics: without them the planner read every ISSUED row's draft.
      `SELECT id FROM certificates INDEXED BY certificates_issued_by_expiry
        WHERE state = 'ISSUED' AND trim(json_extract(draft_json, '$.dateOfExpiry')) < @today
          AND date_of_issue < @today ORDER BY id`,
    )
    .pluck();

  const get = (id: number): CertificateRecord | null => {
    const row = byId.get(id);
    return row === undefined ? null : toRecord(row);
  };
  const mustGet = (id: number): CertificateRecord => {
    const record = get(id);
    if (record === null) throw new AppFailure('NOT_FOUND', 'This certificate does not exist.');
    return record;
  };
  const checkWritten = (changes: number, id: number): CertificateRecord => {
    if (changes !== 1) {
      mustGet(id);
      throw new AppFailure(
        'CONFLICT',
        'This certificate was changed by someone else since you opened it. Reload it and try again; nothing was saved.',
      );
    }
    return mustGet(id);
  };

  return {
    get,
    mustGet,
    getByNumber: (number: string): CertificateRecord | null => {
      const row = byNumber.get(normalizeCertificateNumber(number));
      return row === undefined ? null : toRecord(row);
    },
    /** Normally one; a voided certificate and its replacement may carry the same ITN. */
    findByItn: (itn: string): CertificateRecord[] => byItn.all(normalizeItn(itn)).map(toRecord),
    list: (input: unknown): CertificatePage => list(parseInput(CertificateListSchema, input)),
    /** Ids of issued certificates whose date of expiry is before `today` (YYYY-MM-DD). */
    overdueIssuedIds: (today: string): number[] => overdueIssued.all({ today }),
    insert: (number: string, draft: CertificateDraft, state: StoredState): CertificateRecord => {
      const columns = derivedColumns(draft);
      const at = now().toISOString();
      const result = insert.run({ ...columns, number, state, at });
      // Built from what was written: a read-back would only return the same values.
      return insertedRecord(Number(result.lastInsertRowid), number, state, columns.draft_json, at);
    },
    /**
     * Inserts a certificate already in its lifecycle state (a bulk issue's row, checked in full
     * beforehand) and gives the row as stored: its record and its audit digest come from it.
     */
    insertInState: (
      number: string,
      draft: CertificateDraft,
      columns: LifecycleColumns,
    ): CertificateRow => {
      const row = insertIssued.get({
        ...derivedColumns(draft),
        ...lifecycleParams(columns),
        number,
        at: now().toISOString(),
      });
      if (row === undefined) throw new Error('certificate row missing after insert');
      return row;
    },
    saveDraft: (
      id: number,
      expectedVersion: number,
      draft: CertificateDraft,
      state: StoredState,
      // Packaging and warranty as typed while drafting; left out, they stay as saved.
      extras: { packaging?: DraftPackaging | undefined; warranty?: DraftWarranty | undefined } = {},
    ): CertificateRecord => {
      const result = saveDraft.run({
        ...derivedColumns(draft),
        state,
        packaging_json: extras.packaging === undefined ? null : canonicalJson(extras.packaging),
        warranty_json: extras.warranty === undefined ? null : canonicalJson(extras.warranty),
        id,
        version: expectedVersion,
        at: now().toISOString(),
      });
      return checkWritten(result.changes, id);
    },
    saveLifecycle: (
      id: number,
      expectedVersion: number,
      columns: LifecycleColumns,
    ): CertificateRecord => {
      const result = saveLifecycle.run({
        ...lifecycleParams(columns),
        id,
        version: expectedVersion,
        at: now().toISOString(),
      });
      return checkWritten(result.changes, id);
    },
  };
}
