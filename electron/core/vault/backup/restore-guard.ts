// What a restore would do to the vault it replaces, decided before anything is replaced, and the
// confirmations it then needs (issue 13: a licensee's vault was replaced by another vault's
// backup with exit code 0, and an older backup silently dropped an event):
// - a backup of ANOTHER vault (another vault id) needs its own confirmation naming the vault it
//   replaces, whatever else was confirmed;
// - a backup whose audit chain lacks events the current chain holds (an older backup, or one
//   that parted from it) says how many events and which certificates would be lost, and needs
//   that number confirmed.
// The replaced vault is never deleted (restore-backup.ts keeps it beside the new one), but a
// restored vault is what the app then shows as the record, so nothing is lost silently.
// The record of a 10-year duty: 31 CFR 501.601 (and 15 CFR 30.10 for export records).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../../app-failure';
import type { ChainHead } from '../audit/chain-head';
import { readChainHead, storedHashAt } from '../audit/chain-head';
import { commonChainPrefix } from '../audit/common-chain-prefix';

/** Who may replace the current vault: an administrator of it, or a holder of its secret. */
export type RestoreAuthority =
  | { kind: 'administrator'; userId: number; username: string }
  | { kind: 'passphrase' }
  | { kind: 'recoveryKey' }
  /** There was no vault to replace (a new computer): nothing needs guarding. */
  | { kind: 'no-vault' };

export type CurrentVault = { vaultId: string; db: Database };

export type RestoreAssessment = {
  backup: {
    /** From the backup's key file (or, lacking one, the vault it opened with); null: unknown. */
    vaultId: string | null;
    head: ChainHead;
    createdAt: string;
    /** False for a format 1 backup: its manifest (date, version) is not proven. */
    manifestAuthenticated: boolean;
  };
  /** null when there is no vault to replace. */
  current: { vaultId: string; head: ChainHead } | null;
  /** The backup belongs to another vault than the one it replaces. */
  otherVault: boolean;
  /** The last event both chains hold (0: none). */
  commonSeq: number;
  /** Events of the current chain that the backup's does not hold. */
  eventsDropped: number;
  /** Certificates (form numbers) with an event among those, in order; at most CERTIFICATES_LISTED. */
  certificatesDropped: string[];
  /** How many such certificates there are in all. */
  certificatesDroppedCount: number;
};

/** What the user confirmed, beyond "restore it": both default to nothing confirmed. */
export type RestoreConfirmations = {
  /** The id of the vault being replaced, typed to confirm replacing it with another vault. */
  replaceOtherVault?: string | undefined;
  /** The number of events the restore drops, as it was shown. */
  dropEvents?: number | undefined;
};

const CERTIFICATES_LISTED = 50;

function droppedCertificates(db: Database, afterSeq: number): { listed: string[]; count: number } {
  const rows = db
    .prepare<[number], string>(
      `SELECT DISTINCT c.number FROM audit_events e
         JOIN certificates c ON c.id = CAST(e.entity_id AS INTEGER)
        WHERE e.seq > ? AND e.entity_type = 'certificate'
        ORDER BY c.number`,
    )
    .pluck()
    .all(afterSeq);
  return { listed: rows.slice(0, CERTIFICATES_LISTED), count: rows.length };
}

export function assessRestore(options: {
  current: CurrentVault | null;
  snapshot: Database;
  snapshotHead: ChainHead;
  backupVaultId: string | null;
  createdAt: string;
  manifestAuthenticated: boolean;
}): RestoreAssessment {
  const { current, snapshot, snapshotHead } = options;
  const backup = {
    vaultId: options.backupVaultId,
    head: snapshotHead,
    createdAt: options.createdAt,
    manifestAuthenticated: options.manifestAuthenticated,
  };
  if (current === null)
    return {
      backup,
      current: null,
      otherVault: false,
      commonSeq: 0,
      eventsDropped: 0,
      certificatesDropped: [],
      certificatesDroppedCount: 0,
    };
  const head = readChainHead(current.db);
  const commonSeq = commonChainPrefix(
    storedHashAt(current.db),
    storedHashAt(snapshot),
    Math.min(head.seq, snapshotHead.seq),
  );
  const dropped = droppedCertificates(current.db, commonSeq);
  return {
    backup,
    current: { vaultId: current.vaultId, head },
    otherVault: backup.vaultId !== null && backup.vaultId !== current.vaultId,
    commonSeq,
    eventsDropped: head.seq - commonSeq,
    certificatesDropped: dropped.listed,
    certificatesDroppedCount: dropped.count,
  };
}

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** "certificates US1, US2 and 3 more" or "no certificate". */
export function describeDroppedCertificates(assessment: RestoreAssessment): string {
  const { certificatesDropped: listed, certificatesDroppedCount: count } = assessment;
  if (count === 0) return 'no certificate';
  const more = count > listed.length ? ` and ${String(count - listed.length)} more` : '';
  return `${count === 1 ? 'certificate' : 'certificates'} ${listed.join(', ')}${more}`;
}

/**
 * Throws RESTORE_NOT_CONFIRMED (nothing changed) unless every confirmation the assessment needs
 * was given exactly; `fields` names each one (replaceOtherVault, dropEvents) with what to type.
 */
export function requireRestoreConfirmations(
  assessment: RestoreAssessment,
  given: RestoreConfirmations,
): void {
  const { current, backup } = assessment;
  if (current === null) return;
  const fields: Record<string, string> = {};
  const reasons: string[] = [];
  if (assessment.otherVault && given.replaceOtherVault !== current.vaultId) {
    fields.replaceOtherVault = `type the id of the vault to replace: ${current.vaultId}`;
    reasons.push(
      `The backup is of another vault (${backup.vaultId ?? 'unknown'}), not of the vault it would replace (${current.vaultId}, ${plural(current.head.seq, 'audit event')}). Replacing one vault with another needs its own confirmation naming the vault replaced (${current.vaultId}).`,
    );
  }
  // Another vault's chain shares no event with this one: its loss is the replacement itself.
  if (!assessment.otherVault && assessment.eventsDropped > 0) {
    if (given.dropEvents !== assessment.eventsDropped) {
      fields.dropEvents = `type the number of events dropped: ${String(assessment.eventsDropped)}`;
      reasons.push(
        `The backup's audit chain ends at event ${String(backup.head.seq)}; the vault's is at event ${String(current.head.seq)}. Restoring it drops ${plural(assessment.eventsDropped, 'event')} recorded since event ${String(assessment.commonSeq)}, touching ${describeDroppedCertificates(assessment)}. The current vault is kept beside the restored one as a file, but the restored vault will not show them. Confirm the number of events dropped (${String(assessment.eventsDropped)}) to restore anyway.`,
      );
    }
  }
  if (reasons.length > 0)
    throw new AppFailure(
      'RESTORE_NOT_CONFIRMED',
      `${reasons.join(' ')} Nothing was changed.`,
      fields,
    );
}
