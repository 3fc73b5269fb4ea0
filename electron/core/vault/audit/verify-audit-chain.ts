// Checks the whole record: walks the chain in seq order (each hash recomputed, each link to the
// previous hash; walk-audit-chain.ts), then re-derives every entity's digest from its CURRENT row
// and compares it with the digest of the latest event for that entity, and looks for rows no
// event accounts for (check-entity-digests.ts). Reports the first break. Reads in batches and
// merged streams, so a vault of a million certificates is checked in bounded memory; the work is
// cut into units (verification-units.ts) that a second thread shares on a large vault.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EntityUnitResult } from './check-entity-digests';
import { entityUnits, joinEntityChecks, unknownTypeChange } from './check-entity-digests';
import { describeEntity } from './describe-entity';
import type { KnownRowDigests } from './entity-row-digest';
import type { HelperThread } from './run-units-in-two-threads';
import { runUnitsInTwoThreads } from './run-units-in-two-threads';
import type { UnitResult, VerificationUnit } from './verification-units';
import { chainHead, runVerificationUnit } from './verification-units';
import type { SegmentWalk, WalkOptions } from './walk-audit-chain';
import { chainBounds, chainSegments, joinSegments, walkAuditChain } from './walk-audit-chain';

export type AuditBreak = {
  /** The event where the break shows; null for a row that no event accounts for. */
  seq: number | null;
  kind: 'hash' | 'link' | 'entity';
  entityType?: string;
  entityId?: string;
  /** That record in a licensee's words ("certificate US123456 (record 4812)"): describe-entity.ts. */
  record?: string;
  message: string;
};

export type AuditReport = { ok: boolean; eventsChecked: number; firstBreak?: AuditBreak };

export type VerifyOptions = WalkOptions & {
  /** A second thread for a large vault; without it everything runs on this thread. */
  helper?: HelperThread;
  /** Events per chain segment (a unit of work). */
  segmentEvents?: number;
  /** The helper is started only for a chain of at least this many events (it costs a start). */
  helperFromEvents?: number;
  /** A table keyed by integers with at least this many rows is checked in parts. */
  splitFromRows?: number;
  /** Called as units of work start (done of total), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Digests of current rows the caller has already taken from this same snapshot (the full
   * review's signed PDFs): those rows are not read again (check-entity-digests.ts). */
  known?: KnownRowDigests;
};

const SEGMENT_EVENTS = 200_000;
const HELPER_FROM_EVENTS = 100_000;
/** Or for this many stored documents: each costs some 3 ms (its row's digest covers the PDF),
 * so a few hundred outweigh the helper's start even on a short chain (issue 14). */
const HELPER_FROM_DOCUMENTS = 200;

/** The break with the record it concerns named as the Settings panel and the CLI show it. */
function withRecord(db: Database, found: AuditBreak): AuditBreak {
  if (found.entityType === undefined || found.entityId === undefined) return found;
  return { ...found, record: describeEntity(db, found.entityType, found.entityId) };
}

const documentCount = (db: Database): number =>
  db.prepare<[], number>('SELECT count(*) FROM attachments').pluck().get() ?? 0;

export function verifyAuditChain(db: Database, options: VerifyOptions = {}): AuditReport {
  // One read transaction: the chain and the rows are checked as of the same instant.
  // Deferred: it only reads, so it never holds the write lock (immediate-transactions.ts).
  const read = (): AuditReport => {
    const bounds = chainBounds(db);
    // Events before seq 1 were not written by KP Desk: the walk reports the first of them.
    if (bounds !== null && bounds.low < 1) {
      const { firstBreak } = walkAuditChain(db, options);
      if (firstBreak !== undefined)
        return { ok: false, eventsChecked: 0, firstBreak: withRecord(db, firstBreak) };
    }
    const high = bounds?.high ?? 0;
    const entities = entityUnits(db, options.splitFromRows);
    const segments = chainSegments(high, options.segmentEvents ?? SEGMENT_EVENTS);
    // The larger entity units first: the chain's many equal segments even out the end.
    const units: VerificationUnit[] = [
      ...entities.map((entity) => ({ kind: 'entity' as const, entity })),
      ...segments.map(({ from, to }) => ({ kind: 'chain' as const, from, to })),
    ];
    const { helper, onProgress, known } = options;
    // Only the walk's own options travel with the units (to the helper thread too).
    const walk: WalkOptions =
      options.batchSize === undefined ? {} : { batchSize: options.batchSize };
    const results: UnitResult[] =
      helper !== undefined &&
      (high >= (options.helperFromEvents ?? HELPER_FROM_EVENTS) ||
        (options.helperFromEvents === undefined && documentCount(db) >= HELPER_FROM_DOCUMENTS))
        ? runUnitsInTwoThreads(db, units, walk, chainHead(db), helper, onProgress, known)
        : units.map((unit, i) => {
            onProgress?.(i, units.length);
            return runVerificationUnit(db, unit, walk, known);
          });
    onProgress?.(units.length, units.length);
    const walks: SegmentWalk[] = [];
    const checks: EntityUnitResult[] = [];
    for (const result of results)
      if (result.kind === 'chain') walks.push(result.walk);
      else checks.push(result.check);
    const chain = joinSegments(db, walks);
    const firstBreak: AuditBreak | undefined =
      chain.firstBreak ?? joinEntityChecks(db, entities, checks, unknownTypeChange(db)).firstBreak;
    return firstBreak === undefined
      ? { ok: true, eventsChecked: chain.eventsChecked }
      : { ok: false, eventsChecked: chain.eventsChecked, firstBreak: withRecord(db, firstBreak) };
  };
  return db.transaction(read).deferred();
}
