// Every transaction on a vault connection begins with BEGIN IMMEDIATE unless it says otherwise
// (issue 12). The app and `kpdesk` may write the same vault at once. A plain BEGIN (DEFERRED)
// reads first and asks for the write lock only at its first write; in WAL mode SQLite cannot
// wait for that lock on busy_timeout when another connection committed since the transaction's
// first read (its snapshot is stale), and answers SQLITE_BUSY(_SNAPSHOT) at once: an issue, a
// ship or a confirmation failed halfway through because the other process had just written.
// BEGIN IMMEDIATE takes the write lock before the first read, waiting up to busy_timeout
// (open-database.ts) for the other writer's commit, so the operation then reads and writes one
// current state. Read-only transactions that only want one consistent snapshot (the audit
// verification, exports of the log) ask for `.deferred()` explicitly, so they never hold the
// write lock and never make the other process wait.
import type { Database } from 'better-sqlite3-multiple-ciphers';

type Made = ReturnType<Database['transaction']>;
type Args = readonly never[];

/** Makes `db.transaction(fn)` (and its `.default`) begin IMMEDIATE; `.deferred` stays as it is. */
export function beginImmediateByDefault(db: Database): void {
  const create = db.transaction.bind(db);
  const immediateFirst = (fn: Parameters<Database['transaction']>[0]): Made => {
    const made = create(fn);
    // Inside another transaction better-sqlite3 uses a savepoint whichever variant is called.
    const immediate = (...args: Args): unknown => made.immediate(...args);
    return Object.assign(immediate, {
      default: immediate,
      deferred: (...args: Args): unknown => made.deferred(...args),
      immediate,
      exclusive: (...args: Args): unknown => made.exclusive(...args),
      database: db,
    }) as Made;
  };
  db.transaction = immediateFirst as Database['transaction'];
}
