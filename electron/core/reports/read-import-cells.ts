// Reads the vault's imports of a period as cells, the same shape as exports (read-export-cells.ts):
// one per (HS code, exporting Participant) with the count of incoming certificates and the exact
// sums of their carat hundredths and US$ cents. Imports are counted once recorded (issue 15), by
// their date of entry (the US report counts what entered the country in the period). A foreign
// certificate listing several HS codes gives no split of its weight, so it is counted under
// "several" rather than guessed into one code. Every registered incoming certificate counts
// ('DELIVERED': received); nothing is voided or expired on the import side.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TradeCell, TradeCellSource } from './read-export-cells';

const SQL = `
  SELECT 'DELIVERED' AS state,
         CASE WHEN json_array_length(hs_codes_json) = 1 THEN json_extract(hs_codes_json, '$[0]')
              ELSE 'several' END AS hsCode,
         exporting_participant AS partner,
         count(*) AS certificates,
         coalesce(sum(carats_hundredths), 0) AS caratHundredths,
         coalesce(sum(value_cents), 0) AS valueCents
    FROM incoming_certificates
   WHERE date_of_entry BETWEEN @from AND @to
   GROUP BY hsCode, partner`;

/** null while the vault holds no incoming certificate at all: imports are "not recorded yet". */
export function createImportCellSource(db: Database): () => TradeCellSource | null {
  const statement = db.prepare<{ from: string; to: string }, TradeCell>(SQL).safeIntegers(true);
  const any = db.prepare('SELECT 1 FROM incoming_certificates LIMIT 1').pluck();
  return () => (any.get() === undefined ? null : (from, to) => statement.all({ from, to }));
}
