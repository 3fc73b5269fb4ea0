// The rows an operation created besides its own record, recorded inside that operation's one
// audit event (issue 15 part 3): a record import writes the certificate, its form number in the
// stock book and its import mark, and ONE `certificate.import` event whose entity_digest is the
// certificate's digest followed by the digest of each other row it created,
//   "<64 hex> covers stock=US12345=<64 hex> record_import=17=<64 hex>"
// instead of three events (each an INSERT into five indexes and a read of the chain's head: about
// a third of the import's storing cost, bench/README.md). The whole text is inside the hashed
// fields, so the chain covers those digests as it covers the record's own; every verifier reads
// the record's own digest with ownDigest (queued-digests.ts) and the rows' with coveredIn, so a
// covered row changed, removed or added through plain SQL still breaks the verification
// (check-covered-rows.ts). A covered row's later changes are events of its own, as before.
// Invariant: an event covers only rows its operation INSERTED (never one with an event of its
// own before it), so a row's record is its latest own event if any, else its covering event.
// The separators are '=' and ' ', never ':': the outbox entries (' <id>:<hex>', queued-digests.ts)
// are found and counted by ':' in SQL (check-queued-outbox.ts), and these must not look like one.
import type { AuditEntityType } from './entity-digest';
import { isAuditEntityType } from './entity-digest';

export const COVERS_MARK = ' covers ';

/**
 * The actions whose events may cover rows: the verifier finds covering events by action, on the
 * tables' action indexes (check-covered-rows.ts), so a new one must be added here.
 */
export const COVERING_ACTIONS = ['certificate.import'] as const;

export type CoveredRow = { entityType: AuditEntityType; entityId: string; digest: string };

const OWN_LENGTH = 64;
const DIGEST = /^[0-9a-f]{64}$/;
/** Keys a covered row can have: a stock number (US + digits) or an integer id. */
const KEY = /^[A-Za-z0-9]{1,64}$/;

/** Whether a key can be written in a covers entry (an operation covering another is a fault). */
export function isCoverableKey(key: string): boolean {
  return KEY.test(key);
}

/** The entity_digest of an event that also records the rows `covered` (none: the digest alone). */
export function withCovered(own: string, covered: readonly CoveredRow[]): string {
  if (covered.length === 0) return own;
  for (const row of covered)
    if (!isCoverableKey(row.entityId) || !DIGEST.test(row.digest))
      throw new Error(`a covered row cannot be written as ${row.entityType}=${row.entityId}`);
  return `${own}${COVERS_MARK}${covered.map((row) => `${row.entityType}=${row.entityId}=${row.digest}`).join(' ')}`;
}

/** Whether the text carries covered rows after its own digest. */
export function hasCovered(recorded: string): boolean {
  return recorded.length > OWN_LENGTH && recorded.startsWith(COVERS_MARK, OWN_LENGTH);
}

/**
 * The rows an event's entity_digest covers, in the order written; [] when none, null when the
 * text has the mark but is not exactly the form withCovered writes (only a hand-made event can
 * hold it, and the verifiers report it as a break).
 */
export function coveredIn(recorded: string): CoveredRow[] | null {
  if (!hasCovered(recorded)) return [];
  const rows: CoveredRow[] = [];
  for (const item of recorded.slice(OWN_LENGTH + COVERS_MARK.length).split(' ')) {
    const [entityType, entityId, digest, extra] = item.split('=');
    if (entityType === undefined || entityId === undefined || digest === undefined) return null;
    if (extra !== undefined || !isAuditEntityType(entityType)) return null;
    if (!KEY.test(entityId) || !DIGEST.test(digest)) return null;
    rows.push({ entityType, entityId, digest });
  }
  return rows;
}
