// Why a blank form that was never drafted was voided (stock:voidBlank): its reason from USKPA's
// list, the notes, when and by whom. The stock row itself only turns 'voided'.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export type BlankVoid = {
  number: string;
  reason: string;
  notes: string;
  voidedAt: string;
  voidedBy: number;
};

type Row = { number: string; reason: string; notes: string; voided_at: string; voided_by: number };

export type BlankVoidRepository = ReturnType<typeof createBlankVoidRepository>;

export function createBlankVoidRepository(db: Database) {
  const insert = db.prepare(
    'INSERT INTO blank_voids (number, reason, notes, voided_at, voided_by) VALUES (?, ?, ?, ?, ?)',
  );
  const byNumber = db.prepare<[string], Row>('SELECT * FROM blank_voids WHERE number = ?');
  return {
    add: (entry: BlankVoid): void => {
      insert.run(entry.number, entry.reason, entry.notes, entry.voidedAt, entry.voidedBy);
    },
    get: (number: string): BlankVoid | null => {
      const row = byNumber.get(number);
      return row === undefined
        ? null
        : {
            number: row.number,
            reason: row.reason,
            notes: row.notes,
            voidedAt: row.voided_at,
            voidedBy: row.voided_by,
          };
    },
  };
}
