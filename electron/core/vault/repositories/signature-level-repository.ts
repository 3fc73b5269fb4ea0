// The PAdES level each signed document got (migration 0070): B-B, B-T or B-LT, and the reason in
// plain words (e.g. the time-stamp authority could not be reached). Written in the transaction
// that stores the document.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SignatureLevel } from '../../../../shared/ipc/documents-contract';
import { signatureLevels } from '../../../../shared/ipc/documents-contract';

export type SignatureLevelRecord = { level: SignatureLevel; note: string };

export function createSignatureLevelRepository(db: Database) {
  const insert = db.prepare(
    'INSERT INTO signature_levels (attachment_id, level, note) VALUES (?, ?, ?)',
  );
  const select = db.prepare<[number], { level: string; note: string }>(
    'SELECT level, note FROM signature_levels WHERE attachment_id = ?',
  );
  return {
    record: (attachmentId: number, level: SignatureLevel, note: string): void => {
      insert.run(attachmentId, level, note.slice(0, 2000));
    },
    /** The recorded level; a document without a row was signed before levels were kept (B-B). */
    of: (attachmentId: number): SignatureLevelRecord => {
      const row = select.get(attachmentId);
      const level = signatureLevels.find((known) => known === row?.level);
      return level === undefined || row === undefined
        ? { level: 'B-B', note: 'Signed as PAdES B-B.' }
        : { level, note: row.note };
    },
  };
}
