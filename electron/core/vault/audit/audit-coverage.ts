// The tables of the vault that hold no record of their own, each with the reason it is outside
// the audit digests. Every other table is an entity type of entity-digest.ts, so a row changed,
// added or removed behind KP Desk's back breaks the verification; a table in neither list fails
// tests/integration/vault/audit-coverage.test.ts, which reads the schema's tables from
// sqlite_master. Add a new table to one of the two when you create it.
export const tablesOutsideAudit: Readonly<Record<string, string>> = {
  audit_events:
    'The audit chain itself: each event is covered by the hash of the next, and the table is append-only by trigger.',
  // TODO(issue 12): the submission work puts the outbox under the audit (editing or deleting an
  // outbox row left the chain "OK", issue 13); remove this entry when it does.
  outbox:
    'Not yet covered: the transactional outbox is brought under the audit by the submission work (issue 12).',
};
