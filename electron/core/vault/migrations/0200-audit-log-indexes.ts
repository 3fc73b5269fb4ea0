// Indexes for the Audit log page (issue 14, electron/core/audit-log/): every event newest first,
// a page at a time, filtered by user, by action or by a range of days. Each filter reads one range
// of its own index in the page's order (time, then sequence), so a page costs the same at the
// first event as at the ten-millionth, and no query sorts the log (EXPLAIN QUERY PLAN is
// asserted in tests/integration/audit-log/audit-log-query.test.ts). The record filter uses the
// entity index of 0030. No data moves; the audit events themselves are untouched (append-only).
import type { Migration } from './migration';

export const migration0200: Migration = {
  version: 200,
  name: 'audit-log-indexes',
  up: (db) => {
    db.exec(`
      CREATE INDEX audit_by_time ON audit_events (at, seq);
      CREATE INDEX audit_by_user_time ON audit_events (user_id, at, seq);
      CREATE INDEX audit_by_action_time ON audit_events (action, at, seq);
    `);
  },
};
