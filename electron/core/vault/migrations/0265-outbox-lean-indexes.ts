// The outbox's indexes, trimmed to what its queries need (issue 12, goal: the outbox adds ≤ 10 %
// to an issue operation). Every queued row is written in the transaction of the issue, ship, void
// or correction that makes it due, and each index it enters is one more page in that commit's
// WAL. outbox_pending (status, created_at) held every row for life, and every status change moved
// its entry, yet only four statements used it:
// - the due rows (the drain's counts, its next due time, the pending list) read the partial index
//   outbox_due (status IN ('pending', 'failed')), which a queued row enters anyway;
// - the interrupted deliveries after a crash (status 'sending') and the items that need the user
//   (status 'rejected') read two partial indexes below, which a queued row never enters: a row
//   is in one of them only while it is being sent or waits for the user.
// No data moves. Each statement's plan is asserted in
// tests/integration/submission/outbox-query-plans.test.ts (recorded from the real modules).
import type { Migration } from './migration';

export const migration0265: Migration = {
  version: 265,
  name: 'outbox-lean-indexes',
  up: (db) => {
    db.exec(`
      DROP INDEX outbox_pending;
      CREATE INDEX outbox_sending ON outbox (id) WHERE status = 'sending';
      CREATE INDEX outbox_rejected ON outbox (id) WHERE status = 'rejected';
    `);
  },
};
