// A template row as callers see it: the address-book entries it refers to by their current
// names (null when the entry no longer exists), the author's display name.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ShipmentTemplate } from '../../../shared/templates/shipment-template';
import type { TemplateRow } from './template-repository';

export type PartyNow = { id: number; kind: string; name: string; address: string };

export function createTemplateViews(db: Database) {
  const party = db.prepare<[number], PartyNow>(
    'SELECT id, kind, name, address FROM parties WHERE id = ?',
  );
  const userName = db
    .prepare<[number], string>('SELECT display_name FROM users WHERE id = ?')
    .pluck();
  const partyNow = (id: number | null): PartyNow | null =>
    id === null ? null : (party.get(id) ?? null);
  const reference = (id: number | null) =>
    id === null ? null : { id, name: partyNow(id)?.name ?? null };
  return {
    partyNow,
    view: (row: TemplateRow): ShipmentTemplate => ({
      id: row.id,
      name: row.name,
      exporter: reference(row.exporter_party_id),
      consignee: reference(row.consignee_party_id),
      countryOfOrigin: row.country_of_origin,
      destinationCountry: row.destination_country,
      hsCodes: JSON.parse(row.hs_codes_json) as string[],
      portOfExit: row.port_of_exit,
      carrier: row.carrier,
      usualParcels: row.usual_parcels,
      createdAt: row.created_at,
      createdBy: userName.get(row.created_by) ?? `user ${String(row.created_by)}`,
      updatedAt: row.updated_at,
    }),
  };
}
