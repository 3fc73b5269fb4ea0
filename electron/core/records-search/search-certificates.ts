// Substring search over the certificate records, for `kpdesk records --search` (issue 15): a clerk
// or a reviewer looks for any part of a party's name, of the certificate number or of the AES ITN
// ("Antwerp"-less "Schup", "2345", "20261127"). It reads every row of the state asked for (or all)
// and returns up to 100,000 at once, for scripts; the app's list pages 50 at a time in date order
// with the same test (certificate-text-match.ts), so the two find the same certificates.
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { CertificateRow, CertificateSummary } from '../vault/repositories/certificate-row';
import { toSummary } from '../vault/repositories/certificate-row';
import { foldForTextMatch, textMatchSql } from '../vault/repositories/certificate-text-match';
import { parseInput } from '../vault/repositories/parse-input';

export const MAX_SEARCH_RESULTS = 100_000;

/** The states a stored certificate can be in (IN_STOCK is a blank form: no record yet). */
export const recordStates = [
  'DRAFT',
  'VALIDATED',
  'ISSUED',
  'SHIPPED',
  'DELIVERED',
  'VOIDED',
  'EXPIRED',
] as const;

export const CertificateSearchSchema = z
  .object({
    state: z.enum(recordStates).optional(),
    text: z
      .string()
      .trim()
      .min(1, 'Type at least one character to search for.')
      .max(300)
      .optional(),
    limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).default(100),
  })
  .strict();

export type CertificateSearchResult = {
  items: CertificateSummary[];
  /** More records match than `limit`: the caller says so rather than implying it showed all. */
  more: boolean;
};

type Params = { state: string | null; text: string | null; limit: number };

const SEARCH_SQL = `SELECT * FROM certificates
  WHERE (@state IS NULL OR state = @state)
    AND (@text IS NULL OR ${textMatchSql('text')})
  ORDER BY date_of_issue IS NULL, date_of_issue DESC, id DESC
  LIMIT @limit`;

export function createCertificateSearch(db: Database) {
  const statement: Statement<[Params], CertificateRow> = db.prepare(SEARCH_SQL);
  return (input: unknown): CertificateSearchResult => {
    const query = parseInput(CertificateSearchSchema, input);
    // One row beyond the limit tells whether there are more, without counting them all.
    const rows = statement.all({
      state: query.state ?? null,
      text: query.text === undefined ? null : foldForTextMatch(query.text),
      limit: query.limit + 1,
    });
    return {
      items: rows.slice(0, query.limit).map(toSummary),
      more: rows.length > query.limit,
    };
  };
}
