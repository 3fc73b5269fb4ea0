// The whole address book, for `kpdesk parties export`: every exporter and consignee, by kind and
// name, as JSON or as CSV with the columns `kpdesk parties import` reads back (kind, name,
// address, country). The app's own list answers name prefixes a page at a time; an export wants
// every entry, so it has its own query. Any signed-in user may read the address book.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PartyInput } from '../../../shared/records/party-inputs';
import { csvCell } from '../table-files/csv-cell';

export const partyColumns = ['kind', 'name', 'address', 'country'] as const;

export function listAllParties(db: Database, kind?: PartyInput['kind']): PartyInput[] {
  return db
    .prepare<[string | null, string | null], PartyInput>(
      `SELECT kind, name, address, country FROM parties
        WHERE (? IS NULL OR kind = ?) ORDER BY kind, name COLLATE NOCASE, id`,
    )
    .all(kind ?? null, kind ?? null);
}

export function partiesCsv(parties: readonly PartyInput[]): string {
  const lines = [partyColumns.join(',')];
  for (const party of parties)
    lines.push(partyColumns.map((column) => csvCell(party[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
