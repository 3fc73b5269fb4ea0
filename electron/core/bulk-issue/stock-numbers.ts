// The form number each batch row is issued on: the row's own number when it names one (it must
// be in stock and available), else the lowest available number of the stock that no row of the
// file names for itself, so a row without a number never takes the form another row asked for.
// A form number is used once (31 CFR 592.307(c)); the stock repository enforces it again at
// commit, this only picks.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { normalizeCertificateNumber } from '../../../shared/domain/certificate-number';
import type { TableRow } from '../table-files/read-table-rows';

export type NumberChoice = { ok: true; number: string } | { ok: false; message: string };

export type NumberSource = {
  take: (typed: string) => NumberChoice;
  /** A number handed out whose row was refused before it was stored: offered again. */
  release: (number: string) => void;
};

/** Numbers rows name for themselves (a JSON string or CSV cell "number"). */
function namedNumbers(rows: readonly TableRow[]): Set<string> {
  const named = new Set<string>();
  for (const row of rows)
    if ('cells' in row && typeof row.cells.number === 'string' && row.cells.number.trim() !== '')
      named.add(normalizeCertificateNumber(row.cells.number));
  return named;
}

/**
 * `holdAssigned`: numbers handed out stay taken until released (a row refused before it was
 * stored gives its number back): row by row, rows are checked while earlier ones are still being
 * signed or committed, so a number is held from its row's check to its commit, and all or
 * nothing holds them to the end. Without it, nothing is held: until a row commits, its number
 * is offered again.
 */
export function createNumberSource(
  db: Database,
  rows: readonly TableRow[],
  holdAssigned: boolean,
): NumberSource {
  const named = namedNumbers(rows);
  const assigned = new Set<string>();
  // Held numbers are handed out in ascending order: every available number below `after` is
  // named by a row, held, or released, so the search starts from there instead of from the
  // lowest form each time (a 1,000-row batch would otherwise walk the held numbers per row).
  let after = -1;
  const released: { number: string; digits: number }[] = [];
  const status = db.prepare<[string], string>('SELECT status FROM stock WHERE number = ?').pluck();
  const nextAfter = db.prepare<[number], { number: string; digits: number }>(
    "SELECT number, digits FROM stock WHERE status = 'available' AND digits > ? ORDER BY digits LIMIT 1",
  );
  const hold = (number: string): NumberChoice => {
    if (holdAssigned) assigned.add(number);
    return { ok: true, number };
  };
  const fromReleased = (): string | undefined => {
    released.sort((a, b) => a.digits - b.digits);
    for (;;) {
      const lowest = released.shift();
      if (lowest === undefined) return undefined;
      if (status.get(lowest.number) === 'available' && !assigned.has(lowest.number))
        return lowest.number;
    }
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
      // A released number was handed out before, so it is below `after`: the lowest candidate.
      const again = holdAssigned ? fromReleased() : undefined;
      if (again !== undefined) return hold(again);
      let cursor = holdAssigned ? after : -1;
      for (;;) {
        const next = nextAfter.get(cursor);
        if (next === undefined)
          return { ok: false, message: 'No certificate form is left in stock.' };
        cursor = next.digits;
        if (!named.has(next.number) && !assigned.has(next.number)) {
          if (holdAssigned) after = cursor;
          return hold(next.number);
        }
      }
    },
    release: (number) => {
      if (!holdAssigned || !assigned.delete(number) || named.has(number)) return;
      released.push({ number, digits: digitsOf(number) });
    },
  };
}

const digitsOf = (number: string): number => Number(number.replace(/^US/, ''));
