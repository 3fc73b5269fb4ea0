// The writes of an imported record, inside a transaction the caller opens, with every statement
// prepared once per import (100,000 rows: no statement is compiled per row and nothing written is
// read back except by the audit writer, which digests each row as stored).
//
// Stock: the numbers of imported certificates were issued from forms bought outside this vault,
// so they are added to the stock book as already used (or voided, for a voided certificate), in
// one registration per imported file. They can then never be drafted, issued or voided blank here
// (stock-repository.ts takes only 'available' numbers; 31 CFR 592.307(c): a number is used once),
// and the stock book accounts for them. A number already in the stock book is refused instead
// (check-import-row.ts): it is this vault's own form, and a certificate on it is not "issued
// elsewhere".
//
// Each row writes three records, in the order of their foreign keys: the form number, the
// certificate with its original dates and state (not signed by KP Desk: no attachment,
// attested_by and issued_at NULL, since nobody attested or issued it in KP Desk) and its import
// mark; and ONE audit event, 'certificate.import', that records the certificate's digest and
// covers the other two rows' (covered-digests.ts). Vaults imported before this wrote three
// events per record ('stock.import', 'certificate.import', 'record-import.mark'); they verify
// as they did, each row against its own latest event.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { HistoricalRecord } from '../../../shared/records/historical-record';
import type { Actor } from '../issuance/actor';
import { canonicalJson } from '../vault/audit/canonical-json';
import { createAuditWriter } from '../vault/audit/audit-chain';
import { derivedColumns } from '../vault/repositories/certificate-row';

export type ImportSource = {
  file: string;
  row: number;
  format: 'uskpa-csv' | 'bulk-csv' | 'bulk-json';
  rowSha256: string;
};

export type VaultNumberFacts = {
  certificate: { id: number; state: string } | null;
  importedFrom: { file: string; row: number } | null;
  stockStatus: string | null;
};

export type ImportedRecordStore = ReturnType<typeof createImportedRecordStore>;

export function createImportedRecordStore(db: Database, actor: Actor, now: () => Date) {
  const audit = createAuditWriter(db, now);
  // What the vault holds under a number, in one statement (one step per row of a 100,000-row
  // import instead of two or three): the certificate, its import mark and the stock-book entry.
  const factsOf = db.prepare<
    { number: string },
    {
      id: number | null;
      state: string | null;
      file: string | null;
      row: number | null;
      stockStatus: string | null;
    }
  >(
    `SELECT c.id AS id, c.state AS state, ri.source_file AS file, ri.source_row AS row,
            (SELECT status FROM stock WHERE number = @number) AS stockStatus
       FROM (SELECT 1)
       LEFT JOIN certificates c ON c.number = @number
       LEFT JOIN record_imports ri ON ri.certificate_id = c.id`,
  );
  const insertBatch = db.prepare(
    'INSERT INTO stock_batches (description, registered_at, registered_by) VALUES (?, ?, ?)',
  );
  const insertStock = db.prepare(
    'INSERT INTO stock (number, digits, batch_id, status) VALUES (?, ?, ?, ?)',
  );
  const insertCertificate = db.prepare(
    `INSERT INTO certificates (number, state, draft_json, exporter_name, consignee_name,
       destination_country, hs_code, itn, date_of_issue, carat_hundredths, value_cents,
       packaging_json, warranty_json, ship_date, delivered_at, void_reason, void_notes,
       voided_at, expired_at, created_at, updated_at)
     VALUES (@number, @state, @draft_json, @exporter_name, @consignee_name,
       @destination_country, @hs_code, @itn, @date_of_issue, @carat_hundredths, @value_cents,
       @packaging_json, @warranty_json, @ship_date, @delivered_at, @void_reason, @void_notes,
       @voided_at, @expired_at, @at, @at)`,
  );
  const insertMark = db.prepare(
    `INSERT INTO record_imports (certificate_id, source_file, source_row, source_format,
       row_sha256, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    /** What the vault already holds under this number. */
    facts: (number: string): VaultNumberFacts => {
      const found = factsOf.get({ number });
      if (found === undefined) throw new Error('the facts query returns one row');
      return {
        certificate:
          found.id === null || found.state === null ? null : { id: found.id, state: found.state },
        importedFrom:
          found.file === null || found.row === null ? null : { file: found.file, row: found.row },
        stockStatus: found.stockStatus,
      };
    },
    /** The stock registration the file's numbers belong to, with its audit event. */
    addStockBatch: (file: string): number => {
      const at = now().toISOString();
      const description = `Numbers of certificates issued outside KP Desk, imported from ${file} on ${at.slice(0, 10)}`;
      const id = Number(insertBatch.run(description, at, actor.userId).lastInsertRowid);
      audit.append({
        userId: actor.userId,
        action: 'stock.import-batch',
        entityType: 'stock_batch',
        entityId: id,
      });
      return id;
    },
    /** Stores one record; returns its certificate id. */
    add: (batchId: number, number: string, record: HistoricalRecord, source: ImportSource) => {
      const at = now().toISOString();
      insertStock.run(
        number,
        Number(number.slice(2)),
        batchId,
        record.state === 'VOIDED' ? 'voided' : 'used',
      );
      const result = insertCertificate.run({
        ...derivedColumns(record.draft),
        number,
        state: record.state,
        packaging_json: canonicalJson(record.packaging ?? {}),
        warranty_json: canonicalJson(record.warranty ?? {}),
        ship_date: record.shipDate,
        // Calendar dates as the source recorded them (no time of day is known).
        delivered_at: record.deliveredDate,
        void_reason:
          record.state === 'VOIDED'
            ? (record.voidReason ?? 'Not recorded in the imported file')
            : null,
        void_notes: record.voidNotes,
        voided_at: record.voidedDate,
        // An expired certificate expired at the end of its date of expiry.
        expired_at: record.state === 'EXPIRED' ? record.draft.dateOfExpiry.trim() : null,
        at,
      });
      const id = Number(result.lastInsertRowid);
      insertMark.run(
        id,
        source.file,
        source.row,
        source.format,
        source.rowSha256,
        at,
        actor.userId,
      );
      // One event for the record: an event per row cost an INSERT into five indexes and a read
      // of the chain's head each (bench/README.md, import-records-bench.ts).
      audit.append({
        userId: actor.userId,
        action: 'certificate.import',
        entityType: 'certificate',
        entityId: id,
        covers: [
          { entityType: 'stock', entityId: number },
          { entityType: 'record_import', entityId: id },
        ],
      });
      return id;
    },
  };
}
