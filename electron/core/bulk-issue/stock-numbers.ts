// The form number each batch row is issued on: the row's own number when it names one (it must
// be in stock and available), else the lowest available number of the stock that no row of the
// file names for itself, so a row without a number never takes the form another row asked for.
// A form number is used once (31 CFR 592.307(c)); the stock repository enforces it again at
// commit, this only picks.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { normalizeCertificateNumber } from '../../../shared/domain/certificate-number';
import type { TableRow } from '../table-files/read-table-rows';

export type NumberChoice = { ok: true; number: string } | { ok: false; message: string };

export type NumberSource = { take: (typed: string) => NumberChoice };

/** Numbers rows name for themselves (a JSON string or CSV cell "number"). */
function namedNumbers(rows: readonly TableRow[]): Set<string> {
  const named = new Set<string>();
  for (const row of rows)
    if ('cells' in row && typeof row.cells.number === 'string' && row.cells.number.trim() !== '')
      named.add(normalizeCertificateNumber(row.cells.number));
  return named;
}

/**
 * `holdAssigned`: numbers handed out stay taken for the rest of the batch (all or nothing: none is
 * committed before the end); row by row a committed number leaves the available stock by itself,
 * and the number of a refused row is offered again to the next row.
 */
export function createNumberSource(
  db: Database,
  rows: readonly TableRow[],
  holdAssigned: boolean,
): NumberSource {
  const named = namedNumbers(rows);
  const assigned = new Set<string>();
  const status = db.prepare<[string], string>('SELECT status FROM stock WHERE number = ?').pluck();
  const nextAfter = db.prepare<[number], { number: string; digits: number }>(
    "SELECT number, digits FROM stock WHERE status = 'available' AND digits > ? ORDER BY digits LIMIT 1",
  );
  const hold = (number: string): NumberChoice => {
    if (holdAssigned) assigned.add(number);
    return { ok: true, number };
  };
  return {
    take: (typed) => {
      if (typed !== '') {
        const found = status.get(typed);
        if (found === undefined)
          return { ok: false, message: `${typed} is not in your stock of forms.` };
        if (found !== 'available' || assigned.has(typed))
          return {
            ok: false,
            message: `${typed} was already ${found === 'voided' ? 'voided' : 'used'}: a form number is used once (31 CFR 592.307(c)).`,
          };
        return hold(typed);
      }
      let after = -1;
      for (;;) {
        const next = nextAfter.get(after);
        if (next === undefined)
          return { ok: false, message: 'No certificate form is left in stock.' };
        if (!named.has(next.number) && !assigned.has(next.number)) return hold(next.number);
        after = next.digits;
      }
    },
  };
}
