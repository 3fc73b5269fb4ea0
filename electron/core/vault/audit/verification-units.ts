// The verification split into independent units of work, so that two threads can share it
// (run-units-in-two-threads.ts): chain segments (seq ranges, joined by their boundary links) and
// entity units (a type, or a stretch of a large type's ids). A unit reads only through the
// connection it is given; its result is plain data that can cross between threads.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EntityUnit, EntityUnitResult } from './check-entity-digests';
import { lastStoredEvent } from './audit-event-tables';
import { checkEntityUnit } from './check-entity-digests';
import type { KnownRowDigests } from './entity-row-digest';
import type { SegmentWalk, WalkOptions } from './walk-audit-chain';
import { walkChainSegment } from './walk-audit-chain';

export type VerificationUnit =
  { kind: 'chain'; from: number; to: number } | { kind: 'entity'; entity: EntityUnit };

export type UnitResult =
  { kind: 'chain'; walk: SegmentWalk } | { kind: 'entity'; check: EntityUnitResult };

/** `known`: digests of current rows already taken by the caller (checkEntityUnit). */
export function runVerificationUnit(
  db: Database,
  unit: VerificationUnit,
  options: WalkOptions,
  known?: KnownRowDigests,
): UnitResult {
  return unit.kind === 'chain'
    ? { kind: 'chain', walk: walkChainSegment(db, unit.from, unit.to, options) }
    : { kind: 'entity', check: checkEntityUnit(db, unit.entity, known) };
}

/** The newest event: two connections that see the same one read the same snapshot of the app's
 * writes (every write of the app appends an event in its own transaction). */
export type ChainHead = { seq: number; hash: string } | null;

export function chainHead(db: Database): ChainHead {
  const last = lastStoredEvent(db)();
  return last === undefined ? null : { seq: last.seq, hash: last.hash };
}
