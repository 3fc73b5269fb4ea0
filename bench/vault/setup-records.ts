// The records a vault holds before its first certificate: three users, the licensee (a common
// carrier, so it ships for many exporters) and the address book. Each is one row and one audit
// event, as the issuance service writes them (user.create, licensee.save, party.create).
import { digestOf } from '../../electron/core/vault/audit/entity-digest';
import type { Row } from './certificate-history';
import type { PartyPool } from './party-pool';

export type SetupRecord = {
  table: string;
  row: Row;
  entityType: 'user' | 'licensee' | 'party';
  entityId: string;
  action: string;
};

const USERS = [
  ['admin', 'Ada Administrator', 'administrator'],
  ['operator', 'Otto Operator', 'operator'],
  ['reviewer', 'Rita Reviewer', 'reviewer'],
] as const;

export function setupRecords(pool: PartyPool, at: string): SetupRecord[] {
  const records: SetupRecord[] = USERS.map(([username, name, role], i) => ({
    table: 'users',
    entityType: 'user',
    entityId: String(i + 1),
    action: 'user.create',
    row: {
      id: i + 1,
      username,
      display_name: name,
      role,
      // Shaped like a scrypt hash; nobody signs in to the benchmark vault.
      password_hash: `scrypt$16384$8$1$${digestOf(username).slice(0, 32)}$${digestOf(role)}`,
      created_at: at,
      disabled_at: null,
    },
  }));
  records.push({
    table: 'licensee',
    entityType: 'licensee',
    entityId: '1',
    action: 'licensee.save',
    row: {
      id: 1,
      legal_name: 'Brink Secure Logistics LLC',
      address: '580 Fifth Avenue, New York, NY 10036',
      tin: '13-4567890',
      is_common_carrier: 1,
      updated_at: at,
    },
  });
  const parties = [
    ...pool.exporters.map((party) => ({ kind: 'exporter', ...party })),
    ...pool.consignees.map((party) => ({ kind: 'consignee', ...party })),
  ];
  parties.forEach((party, i) =>
    records.push({
      table: 'parties',
      entityType: 'party',
      entityId: String(i + 1),
      action: 'party.create',
      row: { id: i + 1, ...party, created_at: at, updated_at: at },
    }),
  );
  return records;
}
