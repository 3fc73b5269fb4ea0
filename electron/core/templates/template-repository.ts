// The rows of shipment_templates (migration 0280). Reads and writes only; the role, the
// transaction and the audit event belong to templates-service.ts.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { templateNameKey } from '../../../shared/templates/shipment-template';

export type TemplateRow = {
  id: number;
  name: string;
  name_key: string;
  exporter_party_id: number | null;
  consignee_party_id: number | null;
  country_of_origin: string;
  destination_country: string;
  hs_codes_json: string;
  port_of_exit: string;
  carrier: string;
  usual_parcels: number | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
};

export type TemplateValues = {
  name: string;
  exporterPartyId: number | null;
  consigneePartyId: number | null;
  countryOfOrigin: string;
  destinationCountry: string;
  hsCodes: readonly string[];
  portOfExit: string;
  carrier: string;
  usualParcels: number | null;
};

export type TemplateRepository = ReturnType<typeof createTemplateRepository>;

export function createTemplateRepository(db: Database, now: () => Date) {
  const byKey = db.prepare<[string], TemplateRow>(
    'SELECT * FROM shipment_templates WHERE name_key = ?',
  );
  const all = db.prepare<[], TemplateRow>('SELECT * FROM shipment_templates ORDER BY name_key, id');
  const insert = db.prepare(
    `INSERT INTO shipment_templates (name, name_key, exporter_party_id, consignee_party_id,
       country_of_origin, destination_country, hs_codes_json, port_of_exit, carrier,
       usual_parcels, created_at, created_by, updated_at, updated_by)
     VALUES (@name, @nameKey, @exporterPartyId, @consigneePartyId, @countryOfOrigin,
       @destinationCountry, @hsCodesJson, @portOfExit, @carrier, @usualParcels, @at, @userId,
       @at, @userId)`,
  );
  const rename = db.prepare(
    `UPDATE shipment_templates SET name = ?, name_key = ?, updated_at = ?, updated_by = ?
      WHERE id = ?`,
  );
  const remove = db.prepare('DELETE FROM shipment_templates WHERE id = ?');
  return {
    /** The template of this name, letter case ignored. */
    byName: (name: string): TemplateRow | null => byKey.get(templateNameKey(name.trim())) ?? null,
    list: (): TemplateRow[] => all.all(),
    insert: (values: TemplateValues, userId: number): number =>
      Number(
        insert.run({
          name: values.name,
          nameKey: templateNameKey(values.name),
          exporterPartyId: values.exporterPartyId,
          consigneePartyId: values.consigneePartyId,
          countryOfOrigin: values.countryOfOrigin,
          destinationCountry: values.destinationCountry,
          hsCodesJson: JSON.stringify(values.hsCodes),
          portOfExit: values.portOfExit,
          carrier: values.carrier,
          usualParcels: values.usualParcels,
          at: now().toISOString(),
          userId,
        }).lastInsertRowid,
      ),
    rename: (id: number, name: string, userId: number): void => {
      rename.run(name, templateNameKey(name), now().toISOString(), userId, id);
    },
    remove: (id: number): void => {
      remove.run(id);
    },
  };
}
