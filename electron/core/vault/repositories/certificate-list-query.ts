// The certificate list: pages of 50 with filters, newest date of issue first (then newest id),
// paged by keyset (the last row's date and id), which stays fast deep into a ten-year record.
// Each combination of filters is one SQL text, prepared once and kept.
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { CertificateListQuery } from '../../../../shared/records/certificate-list-query';
import type { CertificateRow, CertificateSummary } from './certificate-row';
import { toSummary } from './certificate-row';
import { namePrefixRange } from './name-prefix-range';

export type CertificatePage = {
  items: CertificateSummary[];
  nextCursor: { dateOfIssue: string | null; id: number } | null;
};

type Params = Record<string, string | number | null>;

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
  if (query.partyPrefix !== undefined) {
    const range = namePrefixRange(query.partyPrefix);
    clauses.push(
      range === null
        ? '0'
        : `((exporter_name COLLATE NOCASE >= @low AND exporter_name COLLATE NOCASE < @high)
            OR (consignee_name COLLATE NOCASE >= @low AND consignee_name COLLATE NOCASE < @high))`,
    );
    if (range !== null) Object.assign(params, range);
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
 * With a state and a destination, the index made for them (migration 0030) is named: it holds
 * the names, so a party-name prefix is tested on index entries, and its rows come in date order.
 * The planner's own choice depends on statistics: on a small or fresh vault it took the
 * destination index and read every row of that destination (measured in bench/vault-bench.ts).
 */
function tableFor(query: CertificateListQuery): string {
  return query.state !== undefined && query.destination !== undefined
    ? 'certificates INDEXED BY certificates_by_state_destination_issue_names'
    : 'certificates';
}

export function createCertificateLister(db: Database) {
  const statements = new Map<string, Statement<[Params], CertificateRow>>();
  const statementFor = (from: string): Statement<[Params], CertificateRow> => {
    let statement = statements.get(from);
    if (statement === undefined) {
      statement = db.prepare<[Params], CertificateRow>(
        `SELECT * FROM ${from} ORDER BY date_of_issue DESC, id DESC LIMIT @limit`,
      );
      statements.set(from, statement);
    }
    return statement;
  };
  return (query: CertificateListQuery): CertificatePage => {
    const { clauses, params } = buildWhere(query);
    const where = clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`;
    const items = statementFor(`${tableFor(query)}${where}`)
      .all(params)
      .map(toSummary);
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
