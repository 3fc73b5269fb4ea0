// The tables of the vault that hold no record of their own, each with the reason it is outside
// the audit digests. Every other table is an entity type of entity-digest.ts, so a row changed,
// added or removed behind KP Desk's back breaks the verification; a table in neither list fails
// tests/integration/vault/audit-coverage.test.ts, which reads the schema's tables from
// sqlite_master. Add a new table to one of the two when you create it.
export const tablesOutsideAudit: Readonly<Record<string, string>> = {
  audit_events_legacy:
    'The audit chain itself (events written before migration 0260): each event is covered by the hash of the next, and the table is append-only by trigger.',
  audit_events_compact:
    'The audit chain itself (events since migration 0260, as hashed): each event is covered by the hash of the next, and the table is append-only by trigger.',
};
