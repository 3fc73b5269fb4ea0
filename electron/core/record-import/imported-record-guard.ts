// An imported record (record_imports, migration 0245) was issued elsewhere, on paper or through
// USKPA's database: KP Desk never signs or prints it afterwards. A KP Desk signature or seal on it
// would vouch for a certificate KP Desk did not issue, and a second paper for one shipment is
// what the unique-number rule forbids (31 CFR 592.307(c)); the licensee keeps the original paper.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../app-failure';

export type ImportedRecordGuard = (record: { id: number; number: string }) => void;

export function createImportedRecordGuard(db: Database): ImportedRecordGuard {
  const mark = db.prepare<[number], { file: string; row: number }>(
    'SELECT source_file AS file, source_row AS row FROM record_imports WHERE certificate_id = ?',
  );
  return (record) => {
    const from = mark.get(record.id);
    if (from === undefined) return;
    throw new AppFailure(
      'ILLEGAL_TRANSITION',
      `Certificate ${record.number} is an imported record, not signed by KP Desk (from ${from.file}, row ${String(from.row)}): it was issued elsewhere, so KP Desk does not sign or print it. Keep its original paper.`,
    );
  };
}
