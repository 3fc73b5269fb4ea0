// The vault's incoming (import) certificates and their scans (migration 0250). Only the incoming
// service writes here, inside its transaction, with the audit event of each change.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { formatHundredths } from '../../../shared/domain/decimal';
import type { CheckedIncoming } from '../../../shared/incoming/check-incoming-certificate';
import type { IncomingCertificate } from '../../../shared/incoming/incoming-certificate-input';
import type { ScanMediaType } from './scan-file-type';

type Row = {
  id: number;
  number: string;
  exporting_participant: string;
  issuing_authority: string;
  date_of_issue: string;
  date_of_expiry: string;
  importer_name: string;
  importer_address: string;
  exporter_name: string;
  exporter_address: string;
  parcels: number;
  carats_hundredths: number;
  value_cents: number;
  hs_codes_json: string;
  origins_json: string;
  port_of_entry: string;
  date_of_entry: string;
  receipt_due_on: string;
  receipt_sent_on: string | null;
  registered_at: string;
};

type ScanMeta = IncomingCertificate['scans'][number];

export type IncomingScan = ScanMeta & { content: Buffer };

export type IncomingRepository = ReturnType<typeof createIncomingRepository>;

export function createIncomingRepository(db: Database, now: () => Date) {
  const insert = db.prepare(
    `INSERT INTO incoming_certificates (number, exporting_participant, issuing_authority,
       date_of_issue, date_of_expiry, importer_name, importer_address, exporter_name,
       exporter_address, parcels, carats_hundredths, value_cents, hs_codes_json, origins_json,
       port_of_entry, date_of_entry, receipt_due_on, registered_at, registered_by)
     VALUES (@number, @exportingParticipant, @issuingAuthority, @dateOfIssue, @dateOfExpiry,
       @importerName, @importerAddress, @exporterName, @exporterAddress, @parcels,
       @caratsHundredths, @valueCents, @hsCodes, @origins, @portOfEntry, @dateOfEntry,
       @receiptDueOn, @at, @userId)`,
  );
  const insertScan = db.prepare(
    `INSERT INTO incoming_scans (incoming_id, file_name, media_type, size, sha256, content,
       added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[number], Row>('SELECT * FROM incoming_certificates WHERE id = ?');
  const byNumber = db.prepare<[string], Row>(
    'SELECT * FROM incoming_certificates WHERE number = ?',
  );
  const idOfNumber = db
    .prepare<[string], number>('SELECT id FROM incoming_certificates WHERE number = ?')
    .pluck();
  const all = db.prepare<[], Row>(
    'SELECT * FROM incoming_certificates ORDER BY date_of_entry DESC, id DESC',
  );
  const scansOf = db.prepare<[number], ScanMeta>(
    `SELECT id, file_name AS fileName, media_type AS mediaType, size, sha256
       FROM incoming_scans WHERE incoming_id = ? ORDER BY id`,
  );
  const scanById = db.prepare<
    [number],
    ScanMeta & { content: Buffer; incomingId: number; mediaType: ScanMediaType }
  >(
    `SELECT id, incoming_id AS incomingId, file_name AS fileName, media_type AS mediaType, size,
            sha256, content FROM incoming_scans WHERE id = ?`,
  );
  const latestScan = db.prepare<[number], ScanMeta & { content: Buffer }>(
    `SELECT id, file_name AS fileName, media_type AS mediaType, size, sha256, content
       FROM incoming_scans WHERE incoming_id = ? ORDER BY id DESC LIMIT 1`,
  );
  const markSent = db.prepare(
    `UPDATE incoming_certificates SET receipt_sent_on = ?, receipt_sent_by = ?,
       receipt_recorded_at = ? WHERE id = ? AND receipt_sent_on IS NULL`,
  );

  const toRecord = (row: Row): IncomingCertificate => ({
    id: row.id,
    number: row.number,
    exportingParticipant: row.exporting_participant,
    issuingAuthority: row.issuing_authority,
    dateOfIssue: row.date_of_issue,
    dateOfExpiry: row.date_of_expiry,
    importer: { name: row.importer_name, address: row.importer_address },
    exporter: { name: row.exporter_name, address: row.exporter_address },
    parcels: row.parcels,
    carats: formatHundredths(row.carats_hundredths),
    valueUsd: formatHundredths(row.value_cents),
    hsCodes: JSON.parse(row.hs_codes_json) as string[],
    origins: JSON.parse(row.origins_json) as string[],
    portOfEntry: row.port_of_entry,
    dateOfEntry: row.date_of_entry,
    receiptDueOn: row.receipt_due_on,
    receiptSentOn: row.receipt_sent_on,
    registeredAt: row.registered_at,
    scans: scansOf.all(row.id),
  });

  return {
    insert: (value: CheckedIncoming, userId: number): number =>
      Number(
        insert.run({
          number: value.number,
          exportingParticipant: value.exportingParticipant,
          issuingAuthority: value.issuingAuthority,
          dateOfIssue: value.dateOfIssue,
          dateOfExpiry: value.dateOfExpiry,
          importerName: value.importer.name,
          importerAddress: value.importer.address,
          exporterName: value.exporter.name,
          exporterAddress: value.exporter.address,
          parcels: value.parcels,
          caratsHundredths: value.caratsHundredths,
          valueCents: value.valueCents,
          hsCodes: JSON.stringify(value.hsCodes),
          origins: JSON.stringify(value.origins),
          portOfEntry: value.portOfEntry,
          dateOfEntry: value.dateOfEntry,
          receiptDueOn: value.receiptDueOn,
          at: now().toISOString(),
          userId,
        }).lastInsertRowid,
      ),
    addScan: (
      incomingId: number,
      scan: { fileName: string; mediaType: ScanMediaType; content: Buffer },
      userId: number,
    ): number =>
      Number(
        insertScan.run(
          incomingId,
          scan.fileName,
          scan.mediaType,
          scan.content.length,
          createHash('sha256').update(scan.content).digest('hex'),
          scan.content,
          now().toISOString(),
          userId,
        ).lastInsertRowid,
      ),
    get: (id: number): IncomingCertificate | null => {
      const row = byId.get(id);
      return row === undefined ? null : toRecord(row);
    },
    getByNumber: (number: string): IncomingCertificate | null => {
      const row = byNumber.get(number);
      return row === undefined ? null : toRecord(row);
    },
    /** True when `number` is a certificate received on an import (the export-side guard). */
    isIncomingNumber: (number: string): boolean => idOfNumber.get(number) !== undefined,
    list: (): IncomingCertificate[] => all.all().map(toRecord),
    readScan: (scanId: number) => scanById.get(scanId) ?? null,
    latestScan: (incomingId: number): IncomingScan | null => latestScan.get(incomingId) ?? null,
    /** False when the confirmation was already recorded (it is recorded once, never moved). */
    markReceiptSent: (id: number, sentOn: string, userId: number): boolean =>
      markSent.run(sentOn, userId, now().toISOString(), id).changes === 1,
  };
}
