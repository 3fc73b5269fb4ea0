// Two covering indexes measured at 1,000,000 certificates (bench/vault-bench.ts). No data moves.
//
// 1. Audit verification compares the digest of each entity's LATEST event with its current row
//    (verify-audit-chain.ts). With entity_digest in the entity index, the latest digest of every
//    entity is read from the index alone, in entity order, instead of one table lookup per entity
//    (a correlated subquery per event took minutes). It replaces audit_by_entity, of which it is
//    an extension: every lookup by (entity_type, entity_id, seq) is served the same way.
// 2. The records list with state, destination, year of issue AND a party-name prefix read the
//    table row of every certificate of that state and year to test the names (p95 37.5 ms). With
//    the names in the index the prefix is tested on index entries and only the matching rows are
//    read. It extends certificates_by_state_destination_issue (0020), which it replaces.
// ANALYZE (sampled, so that it stays quick on a large vault) gives the planner the statistics of
// the new indexes; without them it keeps the narrower ones.
import type { Migration } from './migration';

export const migration0030: Migration = {
  version: 30,
  name: 'audit-and-list-covering-indexes',
  up: (db) => {
    db.exec(`
      CREATE INDEX audit_latest_by_entity
        ON audit_events (entity_type, entity_id, seq, entity_digest);
      DROP INDEX audit_by_entity;
      CREATE INDEX certificates_by_state_destination_issue_names
        ON certificates (state, destination_country, date_of_issue, exporter_name, consignee_name);
      DROP INDEX certificates_by_state_destination_issue;
      PRAGMA analysis_limit = 1000;
      ANALYZE;
    `);
  },
};
