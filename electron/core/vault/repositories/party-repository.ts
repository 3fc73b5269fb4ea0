// The address book: exporters and consignees the licensee ships for and to, searched by name
// prefix while typing (answered from the parties_by_name NOCASE index).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PartyInput } from '../../../../shared/records/party-inputs';
import { PartyInputSchema, PartySearchSchema } from '../../../../shared/records/party-inputs';
import { AppFailure } from '../../app-failure';
import { namePrefixRange } from './name-prefix-range';
import { parseInput } from './parse-input';

export type PartyRecord = PartyInput & { id: number; createdAt: string; updatedAt: string };

type PartyRow = {
  id: number;
  kind: PartyInput['kind'];
  name: string;
  address: string;
  country: string;
  created_at: string;
  updated_at: string;
};

function toParty(row: PartyRow): PartyRecord {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    address: row.address,
    country: row.country,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The search query, exported so a test can check its plan uses the index. */
export const PARTY_PREFIX_SQL = `SELECT * FROM parties
  WHERE name COLLATE NOCASE >= ? AND name COLLATE NOCASE < ? AND (? IS NULL OR kind = ?)
  ORDER BY name COLLATE NOCASE LIMIT ?`;

export type PartyRepository = ReturnType<typeof createPartyRepository>;

export function createPartyRepository(db: Database, now: () => Date) {
  const byId = db.prepare<[number], PartyRow>('SELECT * FROM parties WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO parties (kind, name, address, country, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    'UPDATE parties SET kind = ?, name = ?, address = ?, country = ?, updated_at = ? WHERE id = ?',
  );
  const byPrefix = db.prepare<[string, string, string | null, string | null, number], PartyRow>(
    PARTY_PREFIX_SQL,
  );
  const firstPage = db.prepare<[string | null, string | null, number], PartyRow>(
    'SELECT * FROM parties WHERE (? IS NULL OR kind = ?) ORDER BY name COLLATE NOCASE LIMIT ?',
  );

  const get = (id: number): PartyRecord | null => {
    const row = byId.get(id);
    return row === undefined ? null : toParty(row);
  };

  return {
    get,
    create: (input: unknown): PartyRecord => {
      const party = parseInput(PartyInputSchema, input);
      const at = now().toISOString();
      const result = insert.run(party.kind, party.name, party.address, party.country, at, at);
      const created = get(Number(result.lastInsertRowid));
      if (created === null) throw new Error('party row missing after insert');
      return created;
    },
    update: (id: number, input: unknown): PartyRecord => {
      const party = parseInput(PartyInputSchema, input);
      const result = update.run(
        party.kind,
        party.name,
        party.address,
        party.country,
        now().toISOString(),
        id,
      );
      if (result.changes === 0)
        throw new AppFailure('NOT_FOUND', 'This address-book entry does not exist.');
      const updated = get(id);
      if (updated === null) throw new Error('party row missing after update');
      return updated;
    },
    search: (input: unknown): PartyRecord[] => {
      const query = parseInput(PartySearchSchema, input);
      const kind = query.kind ?? null;
      const prefix = query.prefix.trim();
      if (prefix === '') return firstPage.all(kind, kind, query.limit).map(toParty);
      const range = namePrefixRange(prefix);
      return range === null
        ? []
        : byPrefix.all(range.low, range.high, kind, kind, query.limit).map(toParty);
    },
  };
}
