// Saved templates for repeat shipments (issue 15, part 6). One row per template, holding only
// what may repeat from one shipment to the next (shared/templates/shipment-template.ts): never a
// number, a date, an ITN, an AES licence, carats or a value (31 CFR 592.307(c); the values of a
// shipment are its own).
// - name_key is the name folded to lower case (templateNameKey): names are unique per vault
//   regardless of case, and the UNIQUE index says so where no code path can forget it.
// - exporter_party_id and consignee_party_id point into the address book WITHOUT a foreign key on
//   purpose: a template must never stop the address book from being tidied (an entry removed, a
//   book restored from elsewhere), and SQLite's ON DELETE actions would change a template row
//   with no audit event. Applying a template checks the entry still exists and refuses clearly
//   when it does not (templates/apply-template.ts).
// - The table is an audit entity ('shipment_template'): save, rename and delete each write an
//   event with the row's digest, so a template changed behind KP Desk's back breaks verification.
import type { Migration } from './migration';

export const migration0280: Migration = {
  version: 280,
  name: 'shipment-templates',
  up: (db) => {
    db.exec(`
      CREATE TABLE shipment_templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        name_key TEXT NOT NULL UNIQUE,
        exporter_party_id INTEGER CHECK (exporter_party_id IS NULL OR exporter_party_id >= 1),
        consignee_party_id INTEGER CHECK (consignee_party_id IS NULL OR consignee_party_id >= 1),
        country_of_origin TEXT NOT NULL
          CHECK (country_of_origin IN ('', '****') OR country_of_origin GLOB '[A-Z][A-Z]'),
        destination_country TEXT NOT NULL
          CHECK (destination_country = '' OR destination_country GLOB '[A-Z][A-Z]'),
        hs_codes_json TEXT NOT NULL CHECK (json_valid(hs_codes_json)),
        port_of_exit TEXT NOT NULL,
        carrier TEXT NOT NULL,
        usual_parcels INTEGER CHECK (usual_parcels IS NULL OR usual_parcels >= 1),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users (id)
      ) STRICT;
    `);
  },
};
