// The stock book of purchased forms (31 CFR 592.307(c): a certificate number is the form's,
// used once and never again, not even after voiding; 592.313). Two things a reviewer asks:
// - gaps: numbers missing between registered ranges (forms bought but never registered, or
//   forms nobody can account for); info, since a licensee may simply not have bought them;
// - numbers used twice: a certificate whose form the stock book still shows as available (it
//   could be issued again), a form voided blank and also used for a certificate, or a voided
//   form that carries a certificate still in force.
// The whole stock book is checked, whatever the period: its state is one, not per period.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReviewFinding } from '../../../shared/review/review-report';
import type { StockGap } from '../vault/repositories/stock-repository';
import { reviewFinding } from './review-finding';

type Row = {
  id: number;
  number: string;
  state: string;
  status: string | null;
  blank_voided_at: string | null;
};

export function stockFindings(db: Database, gaps: readonly StockGap[]): ReviewFinding[] {
  const findings: ReviewFinding[] = gaps.map((gap) =>
    reviewFinding(
      'STOCK_GAP',
      null,
      `${gap.from === gap.to ? `Form ${gap.from} is` : `Forms ${gap.from} to ${gap.to} (${String(gap.count)}) are`} missing between the registered ranges of the stock book. Register them if they were bought from USKPA; otherwise keep a note of why they are not yours.`,
    ),
  );
  const rows = db
    .prepare<[], Row>(
      `SELECT c.id, c.number, c.state, s.status, b.voided_at AS blank_voided_at
         FROM certificates AS c
         LEFT JOIN stock AS s ON s.number = c.number
         LEFT JOIN blank_voids AS b ON b.number = c.number
        WHERE s.status IS NULL OR s.status = 'available' OR b.number IS NOT NULL
           OR (s.status = 'voided' AND c.state <> 'VOIDED')
        ORDER BY c.number`,
    )
    .all();
  for (const row of rows) {
    const certificate = { id: row.id, number: row.number };
    const state = row.state.toLowerCase();
    const message =
      row.blank_voided_at !== null
        ? `Form ${row.number} was voided as a blank form on ${row.blank_voided_at.slice(0, 10)}, and certificate ${row.number} (${state}) uses the same number.`
        : row.status === null
          ? `Certificate ${row.number} (${state}) uses a number that is not in the stock book: it was never bought as a form, or its form was removed.`
          : row.status === 'available'
            ? `The stock book shows form ${row.number} as available although certificate ${row.number} (${state}) uses it: the number could be issued a second time.`
            : `The stock book shows form ${row.number} as voided, but certificate ${row.number} is ${state}, not voided.`;
    findings.push(reviewFinding('STOCK_NUMBER_USED_TWICE', certificate, message));
  }
  return findings;
}
