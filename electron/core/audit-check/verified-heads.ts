// The heads of the chain that a full verification proved (table audit_verified_heads, migration
// 0220): recorded after a verification found no break, each in one transaction with its own audit
// event, so that the record of a verification is itself covered by the next one.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditWriter } from '../vault/audit/audit-chain';
import type { SnapshotReport } from './snapshot-verification';

export type VerifiedHead = {
  id: number;
  seq: number;
  hash: string;
  proof: 'full';
  eventsChecked: number;
  verifiedAt: string;
  verifiedBy: number | null;
};

const COLUMNS = `id, seq, hash, proof, events_checked AS eventsChecked, verified_at AS verifiedAt,
  verified_by AS verifiedBy`;

/** The latest head a full verification proved, or null when none is recorded. */
export function latestVerifiedHead(db: Database): VerifiedHead | null {
  return (
    db
      .prepare<[], VerifiedHead>(
        `SELECT ${COLUMNS} FROM audit_verified_heads WHERE proof = 'full' ORDER BY id DESC LIMIT 1`,
      )
      .get() ?? null
  );
}

/**
 * Records a clean full verification's head. A report with a break records nothing: a head is a
 * place the check at unlock may start from, and only a proved head may be one.
 */
export function recordVerifiedHead(
  db: Database,
  audit: AuditWriter,
  report: SnapshotReport,
  verifiedBy: number | null,
  now: () => Date,
): VerifiedHead | null {
  if (!report.ok) return null;
  return db.transaction((): VerifiedHead => {
    const verifiedAt = now().toISOString();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO audit_verified_heads (seq, hash, proof, events_checked, verified_at, verified_by)
         VALUES (?, ?, 'full', ?, ?, ?)`,
      )
      .run(report.head.seq, report.head.hash, report.eventsChecked, verifiedAt, verifiedBy);
    const id = Number(lastInsertRowid);
    audit.append({
      userId: verifiedBy,
      action: 'audit.verified',
      entityType: 'audit_verified_head',
      entityId: id,
    });
    return {
      id,
      seq: report.head.seq,
      hash: report.head.hash,
      proof: 'full',
      eventsChecked: report.eventsChecked,
      verifiedAt,
      verifiedBy,
    };
  })();
}
