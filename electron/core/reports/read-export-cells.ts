// Reads the vault's exports of a period as cells: one per (state, HS code, destination) with the
// count of certificates and the exact sums of their carat hundredths and US$ cents. SQLite sums
// integers exactly (64-bit; it raises an error rather than wrap on overflow) and the statement
// returns them as BigInt, so no amount passes through a float. With the covering index of
// migration 0150 the query reads only index entries of the period (a range scan).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { APART_STATES, COUNTED_STATES } from './statistics-basis';

export type TradeCell = {
  state: string;
  hsCode: string;
  partner: string;
  certificates: bigint;
  caratHundredths: bigint;
  valueCents: bigint;
};

/** Where a flow's cells come from: exports from certificates; imports, later, from their table. */
export type TradeCellSource = (from: string, to: string) => TradeCell[];

const STATES = [...COUNTED_STATES, ...APART_STATES];

// The state list is a constant of this file, never input; the dates are parameters.
const SQL = `
  SELECT state, hs_code AS hsCode, destination_country AS partner,
         count(*) AS certificates,
         coalesce(sum(carat_hundredths), 0) AS caratHundredths,
         coalesce(sum(value_cents), 0) AS valueCents
    FROM certificates INDEXED BY certificates_statistics
   WHERE date_of_issue BETWEEN @from AND @to
     AND state IN (${STATES.map((state) => `'${state}'`).join(', ')})
   GROUP BY state, hs_code, destination_country`;

export function createExportCellSource(db: Database): TradeCellSource {
  const statement = db.prepare<{ from: string; to: string }, TradeCell>(SQL).safeIntegers(true);
  return (from, to) => statement.all({ from, to });
}

export const EXPORT_CELLS_SQL = SQL;
