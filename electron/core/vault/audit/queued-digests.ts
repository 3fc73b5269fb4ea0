// The outbox rows an operation queued, recorded inside that operation's own audit event (issue
// 12): an issue, ship, void, correction, blank void or import entry writes ONE event whose
// entity_digest is its record's digest followed by the digest of each outbox row it queued,
//   "<64 hex> outbox <id>:<64 hex> <id>:<64 hex>"
// instead of one `submission.queue` event per row (each event cost ~6 WAL pages at the commit:
// bench/README.md). The whole text is inside the hashed fields, so the chain covers the rows'
// digests as it covers the record's; every verifier reads the record's own digest with
// ownDigest and the rows' with queuedIn, so a queued row edited, removed or added through plain
// SQL still breaks the verification. A row's later transitions (Sending, Delivered, ...) are
// events of their own, as before. An event may instead record the other rows its operation
// created (covered-digests.ts, ' covers '): ownDigest strips either part.
import { COVERS_MARK } from './covered-digests';

export type QueuedRow = { outboxId: number; digest: string };

const DIGEST = /^[0-9a-f]{64}$/;
const MARK = ' outbox ';
const OWN_LENGTH = 64;

/** The entity_digest of an event that also records the rows `queued` (none: the digest alone). */
export function withQueued(own: string, queued: readonly QueuedRow[]): string {
  if (queued.length === 0) return own;
  return `${own}${MARK}${queued.map((row) => `${String(row.outboxId)}:${row.digest}`).join(' ')}`;
}

/** The digest of the event's own record (the whole text when it queued or covered nothing). */
export function ownDigest(recorded: string): string {
  return recorded.length > OWN_LENGTH &&
    (recorded.startsWith(MARK, OWN_LENGTH) || recorded.startsWith(COVERS_MARK, OWN_LENGTH))
    ? recorded.slice(0, OWN_LENGTH)
    : recorded;
}

/**
 * The outbox rows an event's entity_digest records, in the order written; [] when none, null
 * when the text has the mark but is not exactly the form withQueued writes (only a hand-made
 * event can hold it, and the verifiers report it as a break).
 */
export function queuedIn(recorded: string): QueuedRow[] | null {
  if (recorded.length <= OWN_LENGTH || !recorded.startsWith(MARK, OWN_LENGTH)) return [];
  const rows: QueuedRow[] = [];
  for (const item of recorded.slice(OWN_LENGTH + MARK.length).split(' ')) {
    const [id, digest, extra] = item.split(':');
    if (id === undefined || digest === undefined || extra !== undefined) return null;
    if (!/^[1-9]\d{0,15}$/.test(id) || !DIGEST.test(digest)) return null;
    rows.push({ outboxId: Number(id), digest });
  }
  return rows;
}
