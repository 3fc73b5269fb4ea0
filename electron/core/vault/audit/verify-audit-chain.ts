// Checks the whole record: walks the chain in seq order (each hash recomputed, each link to the
// previous hash; walk-audit-chain.ts), then re-derives every entity's digest from its CURRENT row
// and compares it with the digest of the latest event for that entity, and looks for rows no
// event accounts for (check-entity-digests.ts). Reports the first break. Reads in batches and
// merged streams, so a vault of a million certificates is checked in bounded memory.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { checkEntityDigests } from './check-entity-digests';
import type { WalkOptions } from './walk-audit-chain';
import { walkAuditChain } from './walk-audit-chain';

export type AuditBreak = {
  /** The event where the break shows; null for a row that no event accounts for. */
  seq: number | null;
  kind: 'hash' | 'link' | 'entity';
  entityType?: string;
  entityId?: string;
  message: string;
};

export type AuditReport = { ok: boolean; eventsChecked: number; firstBreak?: AuditBreak };

export function verifyAuditChain(db: Database, options: WalkOptions = {}): AuditReport {
  // One read transaction: the chain and the rows are checked as of the same instant.
  return db.transaction((): AuditReport => {
    const chain = walkAuditChain(db, options);
    const firstBreak: AuditBreak | undefined = chain.firstBreak ?? checkEntityDigests(db);
    return firstBreak === undefined
      ? { ok: true, eventsChecked: chain.eventsChecked }
      : { ok: false, eventsChecked: chain.eventsChecked, firstBreak };
  })();
}
