// The check at unlock (issue 13, part 6): only what was written since the last head a full
// verification proved, so that it costs a day's events, not ten years'. It trusts that head only
// as far as it can check it: the record of the verification must still match its own audit
// event, and the chain must still carry the proved hash at the proved seq. Then it walks the
// events after the head (each hash recomputed, each link checked, the first one linked to the
// proved hash), and re-digests every record those events touched against its latest event.
// What it cannot see: an event before the head or a record no later event touched, changed
// behind KP Desk's back; and a row added without any event. The full verification finds those
// (docs/audit-verification-speed.md says what an attacker with the key can do with the head).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createEntityReaders, digestOf, isAuditEntityType } from '../vault/audit/entity-digest';
import { describeEntity } from '../vault/audit/describe-entity';
import { readChainHead } from '../vault/audit/chain-head';
import { ownDigest, queuedIn } from '../vault/audit/queued-digests';
import { coveredIn } from '../vault/audit/covered-digests';
import type { AuditBreak } from '../vault/audit/verify-audit-chain';
import { walkChainSegment } from '../vault/audit/walk-audit-chain';
import { createStockRangeDigester, isStockRange } from '../vault/audit/stock-range-digest';
import type { VerifiedHead } from './verified-heads';
import { latestVerifiedHead } from './verified-heads';

export type UnlockCheck =
  | { state: 'unverified'; message: string }
  | {
      state: 'ok' | 'broken';
      /** The proved head the check started from. */
      from: VerifiedHead;
      /** The chain's head now. */
      to: { seq: number; hash: string };
      eventsChecked: number;
      recordsChecked: number;
      firstBreak?: AuditBreak;
    };

type Touched = { entityType: string; entityId: string; seq: number; digest: string };

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Each record the events after `after` touched, with its latest event, in the order of that
 * event. The events are read by their seq range (the table's own key) and the records told apart
 * here: a DISTINCT in SQL let SQLite scan a whole index instead (1.5 s at 100,000 certificates).
 */
function touchedSince(db: Database, after: number): Touched[] {
  const events = db
    .prepare<[number], [number, string, string, string]>(
      'SELECT seq, entity_type, entity_id, entity_digest FROM audit_events WHERE seq > ? ORDER BY seq',
    )
    .raw();
  const latest = db.prepare<[string, string], { seq: number; digest: string }>(
    `SELECT seq, entity_digest AS digest FROM audit_events
      WHERE entity_type = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1`,
  );
  const seen = new Map<string, Touched>();
  // Outbox rows recorded inside the event of the operation that queued them (issue 12,
  // queued-digests.ts): touched too, as of that event unless an event of their own came later.
  // A covered row (covered-digests.ts) has no event of its own before its covering event.
  const queued: Touched[] = [];
  for (const [seq, entityType, entityId, recorded] of events.iterate(after)) {
    for (const row of queuedIn(recorded) ?? [])
      queued.push({
        entityType: 'outbox',
        entityId: String(row.outboxId),
        seq,
        digest: row.digest,
      });
    // Rows recorded inside the event of the operation that created them (issue 15,
    // covered-digests.ts): the same (a malformed list is the full verification's to report).
    for (const row of coveredIn(recorded) ?? [])
      queued.push({ entityType: row.entityType, entityId: row.entityId, seq, digest: row.digest });
    const key = JSON.stringify([entityType, entityId]);
    if (seen.has(key)) continue;
    const last = latest.get(entityType, entityId);
    if (last !== undefined) seen.set(key, { entityType, entityId, ...last });
  }
  for (const row of queued) {
    const key = JSON.stringify([row.entityType, row.entityId]);
    if (!seen.has(key)) seen.set(key, row);
  }
  return [...seen.values()].sort((a, b) => a.seq - b.seq);
}

function recordBreak(db: Database, touched: Touched, what: string): AuditBreak {
  const record = describeEntity(db, touched.entityType, touched.entityId);
  return {
    seq: touched.seq,
    kind: 'entity',
    entityType: touched.entityType,
    entityId: touched.entityId,
    record,
    message: `${capitalise(record)} differs from what audit event ${String(touched.seq)} recorded: ${what}`,
  };
}

/** The first record (in the order of its latest event) whose row no longer digests as recorded. */
function firstChangedRecord(db: Database, touched: readonly Touched[]): AuditBreak | undefined {
  const readers = createEntityReaders(db);
  // A range of stock numbers registered since the head: its rows re-digested (stock-range-digest.ts).
  const rangeDigest = createStockRangeDigester(db);
  for (const item of touched) {
    const { entityType, entityId } = item;
    if (!isAuditEntityType(entityType) && !isStockRange(entityType))
      return recordBreak(db, item, 'KP Desk never writes records of this kind.');
    const now = isStockRange(entityType)
      ? rangeDigest(entityId)
      : digestOf(readers[entityType](entityId));
    if (now !== ownDigest(item.digest))
      return recordBreak(db, item, 'it was changed or removed outside KP Desk.');
  }
  return undefined;
}

/** The proved head itself, checked before anything is trusted from it. */
function headBreak(db: Database, head: VerifiedHead): AuditBreak | undefined {
  const readers = createEntityReaders(db);
  const latest = db
    .prepare<[string], { seq: number; digest: string }>(
      `SELECT seq, entity_digest AS digest FROM audit_events
        WHERE entity_type = 'audit_verified_head' AND entity_id = ? ORDER BY seq DESC LIMIT 1`,
    )
    .get(String(head.id));
  const own = { entityType: 'audit_verified_head', entityId: String(head.id) };
  if (latest === undefined || digestOf(readers.audit_verified_head(own.entityId)) !== latest.digest)
    return {
      seq: latest?.seq ?? null,
      kind: 'entity',
      ...own,
      message:
        'The record of the last full verification differs from its audit event: it was changed outside KP Desk. Run a full verification.',
    };
  if (head.seq === 0) return undefined;
  const stored = db
    .prepare<[number], string>('SELECT hash FROM audit_events WHERE seq = ?')
    .pluck()
    .get(head.seq);
  if (stored !== head.hash)
    return {
      seq: head.seq,
      kind: 'hash',
      message: `Audit event ${String(head.seq)} is not the one the full verification of ${head.verifiedAt} proved: the chain was rewritten or cut before it.`,
    };
  return undefined;
}

export function checkSinceVerifiedHead(db: Database): UnlockCheck {
  // One read transaction: the head, the events and the records as of one instant.
  // Deferred: it only reads, so it never holds the write lock (immediate-transactions.ts).
  const read = (): UnlockCheck => {
    const from = latestVerifiedHead(db);
    if (from === null)
      return {
        state: 'unverified',
        message:
          'No full audit verification is recorded in this vault yet, so there is no proved point to check from. Run a full verification.',
      };
    const head = readChainHead(db);
    const to = { seq: head.seq, hash: head.hash };
    const broken = (
      found: AuditBreak,
      eventsChecked: number,
      recordsChecked: number,
    ): UnlockCheck => ({
      state: 'broken',
      from,
      to,
      eventsChecked,
      recordsChecked,
      firstBreak: found,
    });
    const atHead = headBreak(db, from);
    if (atHead !== undefined) return broken(atHead, 0, 0);
    let eventsChecked = 0;
    if (head.seq > from.seq) {
      const walk = walkChainSegment(db, from.seq + 1, head.seq);
      // The first event after the head must link to the proved hash.
      if (walk.startPrev !== from.hash)
        return broken(
          {
            seq: from.seq + 1,
            kind: 'link',
            message: `Audit event ${String(from.seq + 1)} does not follow the event the last full verification proved: an event was removed or reordered.`,
          },
          0,
          0,
        );
      eventsChecked = walk.eventsChecked;
      if (walk.firstBreak !== undefined) return broken(walk.firstBreak, eventsChecked, 0);
      if (eventsChecked !== head.seq - from.seq)
        return broken(
          {
            seq: from.seq + eventsChecked + 1,
            kind: 'link',
            message: `Audit event ${String(from.seq + eventsChecked + 1)} is missing.`,
          },
          eventsChecked,
          0,
        );
    }
    const touched = touchedSince(db, from.seq);
    const changed = firstChangedRecord(db, touched);
    if (changed !== undefined) return broken(changed, eventsChecked, touched.length);
    return { state: 'ok', from, to, eventsChecked, recordsChecked: touched.length };
  };
  return db.transaction(read).deferred();
}
