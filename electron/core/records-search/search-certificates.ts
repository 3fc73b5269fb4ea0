// Substring search over the certificate records, for `kpdesk records --search` (issue 15): a clerk
// or a reviewer looks for any part of a party's name, of the certificate number or of the AES ITN
// ("Antwerp"-less "Schup", "2345", "20261127"), where the app's list matches a whole number or ITN
// or the START of a name on its indexes. A substring cannot use an index, so this reads every row
// of the state asked for (or all): fine for a command run now and then, never used by the app's
// list, which must stay fast at a million records (certificate-list-query.ts).
//
// Matching ignores letter case for A–Z (SQLite's lower() folds ASCII only); the text is compared
// with instr(), so "%" and "_" are plain characters, not wildcards.
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { CertificateRow, CertificateSummary } from '../vault/repositories/certificate-row';
import { toSummary } from '../vault/repositories/certificate-row';
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
    AND (@text IS NULL
      OR instr(lower(number), @text) > 0
      OR instr(lower(coalesce(itn, '')), @text) > 0
      OR instr(lower(exporter_name), @text) > 0
      OR instr(lower(consignee_name), @text) > 0)
  ORDER BY date_of_issue IS NULL, date_of_issue DESC, id DESC
  LIMIT @limit`;

export function createCertificateSearch(db: Database) {
  const statement: Statement<[Params], CertificateRow> = db.prepare(SEARCH_SQL);
  return (input: unknown): CertificateSearchResult => {
    const query = parseInput(CertificateSearchSchema, input);
    // One row beyond the limit tells whether there are more, without counting them all.
    const rows = statement.all({
      state: query.state ?? null,
      text: query.text === undefined ? null : query.text.toLowerCase(),
      limit: query.limit + 1,
    });
    return {
      items: rows.slice(0, query.limit).map(toSummary),
      more: rows.length > query.limit,
    };
  };
}
