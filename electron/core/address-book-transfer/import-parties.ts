// `kpdesk parties import`: address-book entries from a CSV or JSON file (columns kind, name,
// address, country), all or nothing. Every row is checked first with the app's own schema
// (PartyInputSchema); one bad row refuses the file, naming its row, column and rule, and nothing
// is stored. An entry already in the address book (same kind, name and country, letter case
// ignored), or twice in the file, is skipped and reported, so importing the same file twice adds
// nothing. The new entries are written through the issuance service (role check: operators and
// administrators; one audit event each) in ONE transaction.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PartyInput } from '../../../shared/records/party-inputs';
import { PartyInputSchema } from '../../../shared/records/party-inputs';
import { AppFailure } from '../app-failure';
import type { Actor } from '../issuance/actor';
import { WRITERS } from '../issuance/actor';
import type { VaultServices } from '../vault/vault-services';
import { readTableRows } from '../table-files/read-table-rows';
import { listAllParties, partyColumns } from './export-parties';

export type PartyImportResult = {
  added: { row: number; id: number; kind: string; name: string }[];
  skipped: { row: number; kind: string; name: string; reason: string }[];
};

const keyOf = (party: PartyInput): string =>
  `${party.kind}\u0000${party.name.toLowerCase()}\u0000${party.country}`;

export function importParties(
  db: Database,
  services: VaultServices,
  actor: Actor,
  file: { bytes: Buffer; name: string },
): PartyImportResult {
  // Checked first: a file of entries already known must not pass for a reviewer either.
  if (!WRITERS.includes(actor.role))
    throw new AppFailure(
      'FORBIDDEN',
      'A reviewer cannot change the address book. Ask an operator or an administrator.',
    );
  const table = readTableRows(file.bytes, file.name, {
    columns: partyColumns,
    required: partyColumns,
  });
  const problems: Record<string, string> = {};
  const parsed: { row: number; party: PartyInput }[] = [];
  for (const row of table.rows) {
    if ('problem' in row) {
      problems[`row ${String(row.row)}`] = row.problem;
      continue;
    }
    const result = PartyInputSchema.safeParse(row.cells);
    if (result.success) parsed.push({ row: row.row, party: result.data });
    else
      for (const issue of result.error.issues)
        problems[`row ${String(row.row)}, ${String(issue.path[0] ?? 'row')}`] = issue.message;
  }
  const count = Object.keys(problems).length;
  if (count > 0)
    throw new AppFailure(
      'INVALID_INPUT',
      `${file.name}: ${String(count)} problem(s); nothing was imported. ${Object.entries(problems)
        .slice(0, 5)
        .map(([where, message]) => `${where}: ${message}`)
        .join(' ')}`,
      problems,
    );
  // Where each entry is already: in the vault (0) or on an earlier row of this file.
  const known = new Map(listAllParties(db).map((party) => [keyOf(party), 0]));
  const result: PartyImportResult = { added: [], skipped: [] };
  db.transaction(() => {
    for (const { row, party } of parsed) {
      const key = keyOf(party);
      const earlier = known.get(key);
      if (earlier !== undefined) {
        result.skipped.push({
          row,
          kind: party.kind,
          name: party.name,
          reason:
            earlier === 0
              ? 'Already in the address book (same kind, name and country).'
              : `The same entry as row ${String(earlier)} of this file.`,
        });
        continue;
      }
      known.set(key, row);
      const created = services.issuance.createParty(actor, party);
      result.added.push({ row, id: created.id, kind: created.kind, name: created.name });
    }
  }).immediate();
  return result;
}
