// The certificate list: pages of 50 with filters, newest date of issue first (then newest id),
// paged by keyset (the last row's date and id), which stays fast deep into a ten-year record.
// Each combination of filters is one SQL text, prepared once and kept. The search text is a
// certificate number or an ITN, matched exactly on its index, or else any part of the number, the
// ITN or a party name (certificate-text-match.ts). A part cannot be looked up in an index: the
// entries of migration 0175's index are read newest first, every filter and the text tested on
// them, and only the matching rows read from the table; the page ends at its 50th match
// (measured in bench/records-filter-bench.ts).
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { CertificateListQuery } from '../../../../shared/records/certificate-list-query';
import { readListText } from '../../../../shared/records/certificate-list-query';
import type { CertificateRow, CertificateSummary } from './certificate-row';
import { toSummary } from './certificate-row';
import { namePrefixRange } from './name-prefix-range';
import { foldForTextMatch, textMatchSql } from './certificate-text-match';

export type CertificatePage = {
  items: CertificateSummary[];
  nextCursor: { dateOfIssue: string | null; id: number } | null;
};

type Params = Record<string, string | number | null>;

/** Exporter or consignee name starting with `prefix`, as ranges on the NOCASE name indexes. */
function addNamePrefix(clauses: string[], params: Params, prefix: string, tag: string): void {
  const range = namePrefixRange(prefix);
  if (range === null) {
    clauses.push('0');
    return;
  }
  const low = `@${tag}Low`;
  const high = `@${tag}High`;
  clauses.push(
    `((exporter_name COLLATE NOCASE >= ${low} AND exporter_name COLLATE NOCASE < ${high})
      OR (consignee_name COLLATE NOCASE >= ${low} AND consignee_name COLLATE NOCASE < ${high}))`,
  );
  params[`${tag}Low`] = range.low;
  params[`${tag}High`] = range.high;
}

function buildWhere(query: CertificateListQuery): { clauses: string[]; params: Params } {
  const clauses: string[] = [];
  const params: Params = { limit: query.limit };
  if (query.state !== undefined) {
    clauses.push('state = @state');
    params.state = query.state;
  }
  if (query.issuedFrom !== undefined) {
    clauses.push('date_of_issue >= @issuedFrom');
    params.issuedFrom = query.issuedFrom;
  }
  if (query.issuedTo !== undefined) {
    clauses.push('date_of_issue <= @issuedTo');
    params.issuedTo = query.issuedTo;
  }
  if (query.destination !== undefined) {
    clauses.push('destination_country = @destination');
    params.destination = query.destination;
  }
  if (query.hsCode !== undefined) {
    clauses.push('hs_code = @hsCode');
    params.hsCode = query.hsCode;
  }
  if (query.partyPrefix !== undefined) addNamePrefix(clauses, params, query.partyPrefix, 'party');
  if (query.text !== undefined) {
    const text = readListText(query.text);
    if (text.kind === 'number') {
      clauses.push('number = @number');
      params.number = text.number;
    } else if (text.kind === 'itn') {
      clauses.push('itn = @itn');
      params.itn = text.itn;
    } else {
      clauses.push(textMatchSql('text'));
      params.text = foldForTextMatch(text.text);
    }
  }
  if (query.cursor !== undefined) {
    params.cursorId = query.cursor.id;
    if (query.cursor.dateOfIssue === null) {
      // NULL dates sort last in DESC order: after a NULL, only older NULL rows follow.
      clauses.push('(date_of_issue IS NULL AND id < @cursorId)');
    } else {
      clauses.push(
        '(date_of_issue < @cursorDate OR (date_of_issue = @cursorDate AND id < @cursorId) OR date_of_issue IS NULL)',
      );
      params.cursorDate = query.cursor.dateOfIssue;
    }
  }
  return { clauses, params };
}

/**
 * An exact number or ITN names its own index: one row (the number is UNIQUE) or the few sharing
 * an ITN, whatever else is filtered. Otherwise, with a state and a destination, the index made for
 * them (migration 0030) is named: it holds the names, so a party-name prefix is tested on index
 * entries, and its rows come in date order. The planner's own choice depends on statistics: on a
 * small or fresh vault it took the destination index and read every row of that destination
 * (measured in bench/vault-bench.ts).
 */
export function listSourceFor(query: CertificateListQuery): string {
  const text = query.text === undefined ? undefined : readListText(query.text).kind;
  if (text === 'number') return 'certificates INDEXED BY sqlite_autoindex_certificates_1';
  if (text === 'itn') return 'certificates INDEXED BY certificates_by_itn';
  // Any part of a text: the index that holds the texts and the filters (migration 0175), in list
  // order, whatever else is filtered; read from the table, a rare text read every row.
  if (text === 'part') return 'certificates INDEXED BY certificates_text_search';
  if (query.destination === undefined) return 'certificates';
  // A destination without a state: its own index gives its rows in date order, so the page stops
  // after 50 of them. With statistics that count few states, the planner preferred a skip-scan of
  // the index above and sorted every row of that destination (6.6 s at a million certificates).
  return query.state === undefined
    ? 'certificates INDEXED BY certificates_by_destination'
    : 'certificates INDEXED BY certificates_by_state_destination_issue_names';
}

/** The SQL and parameters of one page, as the lister runs them (tests read its query plan). */
export function listStatementFor(query: CertificateListQuery): { sql: string; params: Params } {
  const { clauses, params } = buildWhere(query);
  const where = clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`;
  return {
    sql: `SELECT * FROM ${listSourceFor(query)}${where} ORDER BY date_of_issue DESC, id DESC LIMIT @limit`,
    params,
  };
}

export function createCertificateLister(db: Database) {
  const statements = new Map<string, Statement<[Params], CertificateRow>>();
  const statementFor = (sql: string): Statement<[Params], CertificateRow> => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare<[Params], CertificateRow>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return (query: CertificateListQuery): CertificatePage => {
    const { sql, params } = listStatementFor(query);
    const items = statementFor(sql).all(params).map(toSummary);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        last === undefined || items.length < query.limit
          ? null
          : { dateOfIssue: last.dateOfIssue, id: last.id },
    };
  };
}
