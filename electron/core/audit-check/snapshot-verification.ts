// The full verification over a connection of its own, inside one read transaction: it reads one
// snapshot of the vault (SQLite WAL), so the app's connection goes on writing while it runs, and
// the report names the head of that snapshot (the last event it saw). Events written after the
// snapshot are not in this report; the check at unlock (check-since-verified-head.ts) or the next
// full verification covers them.
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers';
import { readChainHead } from '../vault/audit/chain-head';
import type { AuditReport, VerifyOptions } from '../vault/audit/verify-audit-chain';
import { verifyAuditChain } from '../vault/audit/verify-audit-chain';
import { applyKey } from '../vault/apply-vault-key';

/** The last event of the snapshot the verification read (seq 0 and the genesis hash if none). */
export type SnapshotHead = { seq: number; hash: string };

export type SnapshotReport = AuditReport & { head: SnapshotHead };

export type SnapshotOptions = VerifyOptions & {
  /** Called once the snapshot is fixed (its first read), before any checking. */
  onSnapshot?: (head: SnapshotHead) => void;
};

/** Verifies what `db` sees in one read transaction (a savepoint inside it is the same snapshot). */
export function verifySnapshot(db: SqliteDatabase, options: SnapshotOptions = {}): SnapshotReport {
  // Deferred: it only reads, so it never holds the write lock (immediate-transactions.ts).
  const read = (): SnapshotReport => {
    // The first read of the transaction fixes its snapshot (BEGIN DEFERRED in WAL mode).
    const { seq, hash } = readChainHead(db);
    options.onSnapshot?.({ seq, hash });
    const report = verifyAuditChain(db, options);
    return { ...report, head: { seq, hash } };
  };
  return db.transaction(read).deferred();
}

/**
 * Opens the vault file read-only on a new connection, as open-database.ts opens it (SQLCipher 4,
 * the same raw key; the file is already in WAL mode and migrated by the app's connection), and
 * never writes through it.
 */
export function openReadConnection(path: string, key: Buffer): SqliteDatabase {
  const db = new Database(path, { fileMustExist: true });
  try {
    applyKey(db, key);
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error: unknown) {
    db.close();
    throw error;
  }
}
