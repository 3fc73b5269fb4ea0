// The heads of the audit chain that a full verification proved (issue 13, part 6): where the
// check at unlock starts, so that it reads only the events written since (a day's, not ten
// years'). A row is a claim, not evidence: it is written in the same transaction as its own audit
// event (entity type audit_verified_head), so a row changed, added or removed with plain SQL
// breaks the next full verification, and the check at unlock refuses a start whose row differs
// from its event or whose hash is no longer the chain's hash at that seq. What an attacker with
// the key can still do with it is written in docs/audit-verification-speed.md. Rows are never
// updated or deleted by KP Desk.
import type { Migration } from './migration';

export const migration0220: Migration = {
  version: 220,
  name: 'audit-verified-heads',
  up: (db) => {
    db.exec(`
      CREATE TABLE audit_verified_heads (
        id INTEGER PRIMARY KEY,
        -- The head of the snapshot the verification read: its last event and that event's hash.
        seq INTEGER NOT NULL CHECK (seq >= 0),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        -- What proved it: 'full' = every event re-hashed and every record re-digested.
        proof TEXT NOT NULL CHECK (proof IN ('full')),
        events_checked INTEGER NOT NULL CHECK (events_checked >= 0),
        verified_at TEXT NOT NULL,
        -- Who asked for it; NULL for the app's own background verification.
        verified_by INTEGER REFERENCES users (id)
      ) STRICT;
    `);
  },
};
