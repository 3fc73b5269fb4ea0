// The restore, written into the restored vault's own audit chain before it is put in place (so
// the vault that appears already holds it): what was replaced (its vault id and chain head, and
// where its file is kept), which backup replaced it (its date, vault id and head), who
// authorised it, and what the restored chain does not hold (events, certificates). One row in
// the settings table (a vault fact, as the recovery-key facts are: vault-facts-repository.ts)
// under its own key, and an audit event whose digest covers that row, so a later edit of the
// record shows in the verification like any other.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createAuditWriter } from '../audit/audit-chain';
import type { RestoreAssessment, RestoreAuthority } from './restore-guard';
import { storedBounds } from '../audit/audit-event-tables';

export const RESTORE_FACT_PREFIX = 'vaultRestore.';

export type RestoreRecordContext = {
  assessment: RestoreAssessment;
  authority: RestoreAuthority;
  /** The backup file's name (not its folder: paths differ between computers). */
  backupFileName: string;
  /** Where the replaced vault is kept; null when there was none. */
  previousVaultPath: string | null;
  now: () => Date;
};

/** The signed-in administrator's id in the restored vault, when it is the same account there. */
function userIdIn(db: Database, context: RestoreRecordContext): number | null {
  const { authority, assessment } = context;
  if (authority.kind !== 'administrator' || assessment.otherVault) return null;
  const found = db
    .prepare<[number, string], number>(
      "SELECT id FROM users WHERE id = ? AND username = ? AND role = 'administrator'",
    )
    .pluck()
    .get(authority.userId, authority.username);
  return found ?? null;
}

/** Runs inside the caller's transaction on the restored copy; returns the fact's key. */
export function recordRestore(db: Database, context: RestoreRecordContext): string {
  const { assessment, authority } = context;
  const at = context.now().toISOString();
  const nextSeq = (storedBounds(db)?.high ?? 0) + 1;
  const key = `${RESTORE_FACT_PREFIX}${String(nextSeq)}`;
  const fact = {
    at,
    authorisedBy: authority,
    backup: {
      file: context.backupFileName,
      createdAt: assessment.backup.createdAt,
      manifestAuthenticated: assessment.backup.manifestAuthenticated,
      vaultId: assessment.backup.vaultId,
      head: { seq: assessment.backup.head.seq, hash: assessment.backup.head.hash },
    },
    replaced:
      assessment.current === null
        ? null
        : {
            vaultId: assessment.current.vaultId,
            head: { seq: assessment.current.head.seq, hash: assessment.current.head.hash },
            keptAs: context.previousVaultPath,
            otherVault: assessment.otherVault,
            eventsDropped: assessment.eventsDropped,
            certificatesDropped: assessment.certificatesDropped,
            certificatesDroppedCount: assessment.certificatesDroppedCount,
          },
  };
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run(key, JSON.stringify(fact));
  createAuditWriter(db, context.now).append({
    userId: userIdIn(db, context),
    action: 'vault.restore',
    entityType: 'setting',
    entityId: key,
  });
  return key;
}
