// The stock of purchased USKPA certificate forms, one row per number. A number is usable only
// while 'available'; take() marks it 'used' and voiding marks it 'voided'. No statement here
// ever sets a number back to 'available' (31 CFR 592.307: a number is never used twice).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { RegisterStockSchema } from '../../../../shared/records/stock-inputs';
import { normalizeCertificateNumber } from '../../../../shared/domain/certificate-number';
import { AppFailure } from '../../app-failure';
import { parseInput } from './parse-input';
import { readStockSpec } from './stock-spec';

export const stockStatuses = ['available', 'used', 'voided'] as const;
export type StockStatus = (typeof stockStatuses)[number];

export type StockNumber = { number: string; status: StockStatus; batchId: number };
export type StockGap = { from: string; to: string; count: number };
export type StockCounts = Record<StockStatus, number>;
export type StockRegistration = { batchId: number; numbers: string[] };

export type StockRow = { number: string; digits: number; batch_id: number; status: StockStatus };

const LISTED_DUPLICATES = 10;

function listNumbers(numbers: readonly string[]): string {
  const shown = numbers.slice(0, LISTED_DUPLICATES).join(', ');
  const more = numbers.length - LISTED_DUPLICATES;
  return more > 0 ? `${shown} and ${String(more)} more` : shown;
}

export type StockRepository = ReturnType<typeof createStockRepository>;

export function createStockRepository(db: Database, now: () => Date) {
  const byNumber = db.prepare<[string], StockRow>('SELECT * FROM stock WHERE number = ?');
  const existsDigits = db
    .prepare<[number], string>('SELECT number FROM stock WHERE digits = ?')
    .pluck();
  const insertBatch = db.prepare(
    'INSERT INTO stock_batches (description, registered_at, registered_by) VALUES (?, ?, ?)',
  );
  const insertNumber = db.prepare(
    "INSERT INTO stock (number, digits, batch_id, status) VALUES (?, ?, ?, 'available')",
  );
  // RETURNING *: the row as `SELECT *` reads it, so the caller's audit event needs no read-back.
  const take = db.prepare<[string], StockRow>(
    "UPDATE stock SET status = 'used' WHERE number = ? AND status = 'available' RETURNING *",
  );
  const voidNumber = db.prepare(
    "UPDATE stock SET status = 'voided' WHERE number = ? AND status IN ('available', 'used')",
  );
  const firstAvailable = db
    .prepare<[], string>(
      "SELECT number FROM stock WHERE status = 'available' ORDER BY digits LIMIT 1",
    )
    .pluck();
  const counts = db.prepare<[], { status: StockStatus; n: number }>(
    'SELECT status, count(*) AS n FROM stock GROUP BY status',
  );
  // Consecutive registered numbers more than one apart leave a gap between them. Numbers of
  // records imported from elsewhere (record_imports, `kpdesk import-records`) are not forms
  // bought for this vault, so the gaps are those of the vault's own forms.
  const gaps = db.prepare<
    [],
    { low: number; high: number }
  >(`SELECT digits + 1 AS low, next - 1 AS high FROM (
       SELECT digits, lead(digits) OVER (ORDER BY digits) AS next FROM stock
        WHERE number NOT IN (SELECT c.number FROM record_imports AS i
                               JOIN certificates AS c ON c.id = i.certificate_id))
     WHERE next - digits > 1 ORDER BY digits`);

  const get = (number: string): StockNumber | null => {
    const row = byNumber.get(normalizeCertificateNumber(number));
    return row === undefined
      ? null
      : { number: row.number, status: row.status, batchId: row.batch_id };
  };

  const unavailable = (number: string): AppFailure => {
    const found = get(number);
    const why =
      found === null
        ? `${number} is not in your stock of forms. Register the forms you bought from USKPA first.`
        : `${number} was already ${found.status}. A certificate number is never used twice.`;
    return new AppFailure('STOCK_NUMBER_UNAVAILABLE', why, { number: why });
  };

  return {
    get,
    /** Registers every number, or none: any number already registered rejects the whole list. */
    register: (input: unknown, registeredBy: number | null): StockRegistration => {
      const request = parseInput(RegisterStockSchema, input);
      const reading = readStockSpec(request.numbers);
      if (reading.kind === 'error')
        throw new AppFailure('INVALID_INPUT', reading.message, { numbers: reading.message });
      const seen = new Set<number>();
      const duplicates: string[] = [];
      for (const digits of reading.digits) {
        if (seen.has(digits) || existsDigits.get(digits) !== undefined)
          duplicates.push(`US${String(digits)}`);
        seen.add(digits);
      }
      if (duplicates.length > 0) {
        const message = `These numbers are already registered or listed twice: ${listNumbers(duplicates)}. Nothing was registered.`;
        throw new AppFailure('CONFLICT', message, { numbers: message });
      }
      const batch = insertBatch.run(request.description, now().toISOString(), registeredBy);
      const batchId = Number(batch.lastInsertRowid);
      const numbers = reading.digits.map((digits) => {
        const number = `US${String(digits)}`;
        insertNumber.run(number, digits, batchId);
        return number;
      });
      return { batchId, numbers };
    },
    /**
     * Marks an available number used; anything else is STOCK_NUMBER_UNAVAILABLE. Gives the row as
     * stored (for the audit digest of the event that records the take).
     */
    take: (number: string): StockRow => {
      const row = take.get(number);
      if (row === undefined) throw unavailable(number);
      return row;
    },
    /** Voids a number that was available or used; a voided number stays voided forever. */
    void: (number: string): void => {
      if (voidNumber.run(number).changes !== 1) throw unavailable(number);
    },
    /** The lowest available number: the wizard drafts on the next blank form in order. */
    nextAvailable: (): string | null => firstAvailable.get() ?? null,
    counts: (): StockCounts => {
      const result: StockCounts = { available: 0, used: 0, voided: 0 };
      for (const row of counts.all()) result[row.status] = row.n;
      return result;
    },
    /** Numbers missing between the registered ones, e.g. a book not yet registered. */
    gaps: (): StockGap[] =>
      gaps.all().map(({ low, high }) => ({
        from: `US${String(low)}`,
        to: `US${String(high)}`,
        count: high - low + 1,
      })),
  };
}
