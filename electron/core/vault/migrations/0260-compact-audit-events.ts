// The compact audit event format (issue 13, part 6; docs/audit-verification-speed.md). A full
// verification re-hashes every event of ten years of record (31 CFR 592.301(a)(2)); the old row
// (nine columns, both hashes as 64 hex characters) made it read about 290 bytes per event and
// have SQLite rebuild each event's canonical JSON before hashing it. New events are stored as:
// - `body`: the canonical text of the event's fields EXACTLY as it was hashed (eventFieldsText),
//   so the verification hashes the stored bytes and rebuilds nothing;
// - `hash`: the 32 bytes of sha256(previous hash in hex + body), the same hash an old-format row
//   of the same fields would carry;
// - no prev_hash: it is the previous row's hash, so a removed or reordered row shows as a link
//   that no longer holds.
// The fields that indexes and readers need (entity, time, user, action, digest) are VIRTUAL
// generated columns read out of `body`: they take no space in the row and cannot disagree with
// what was hashed. Old events are not touched: their table is renamed audit_events_legacy and
// keeps its rows, indexes and append-only triggers; they are verified on the old path and the
// walk goes on from the last legacy event into the first compact one (walk-audit-chain.ts).
// Every reader keeps reading `audit_events`, now a view over both tables with the old columns
// (hashes as lower-case hex); the hot paths read the two tables directly
// (audit-event-tables.ts). An INSERT into the view (an audit package's read vault, older code)
// goes to the legacy table, whose format it has. The vault stays a SQLCipher 4 file, and views,
// generated columns and json_extract are plain SQLite (3.38+): standard tools read it.
import type { Migration } from './migration';

const GENESIS = '0'.repeat(64);

export const migration0260: Migration = {
  version: 260,
  name: 'compact-audit-events',
  up: (db) => {
    db.exec(`
      ALTER TABLE audit_events RENAME TO audit_events_legacy;
      DROP TRIGGER audit_events_no_update;
      DROP TRIGGER audit_events_no_delete;
      CREATE TRIGGER audit_events_legacy_no_update BEFORE UPDATE ON audit_events_legacy
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER audit_events_legacy_no_delete BEFORE DELETE ON audit_events_legacy
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;

      CREATE TABLE audit_events_compact (
        seq INTEGER PRIMARY KEY,
        body TEXT NOT NULL,
        hash BLOB NOT NULL,
        at TEXT AS (json_extract(body, '$.at')) VIRTUAL,
        user_id INTEGER AS (json_extract(body, '$.userId')) VIRTUAL,
        action TEXT AS (json_extract(body, '$.action')) VIRTUAL,
        entity_type TEXT AS (json_extract(body, '$.entityType')) VIRTUAL,
        entity_id TEXT AS (json_extract(body, '$.entityId')) VIRTUAL,
        entity_digest TEXT AS (json_extract(body, '$.entityDigest')) VIRTUAL
      ) STRICT;
      CREATE TRIGGER audit_events_compact_no_update BEFORE UPDATE ON audit_events_compact
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER audit_events_compact_no_delete BEFORE DELETE ON audit_events_compact
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      -- The same indexes as the legacy table's (0030, 0200), on the generated columns.
      CREATE INDEX audit_compact_latest_by_entity
        ON audit_events_compact (entity_type, entity_id, seq, entity_digest);
      CREATE INDEX audit_compact_by_time ON audit_events_compact (at, seq);
      CREATE INDEX audit_compact_by_user_time ON audit_events_compact (user_id, at, seq);
      CREATE INDEX audit_compact_by_action_time ON audit_events_compact (action, at, seq);

      CREATE VIEW audit_events AS
        SELECT seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash
          FROM audit_events_legacy
        UNION ALL
        SELECT c.seq, c.at, c.user_id, c.action, c.entity_type, c.entity_id, c.entity_digest,
          -- The previous row's hash, in whichever table it is (the genesis hash before the first).
          coalesce(
            (SELECT lower(hex(p.hash)) FROM audit_events_compact AS p
              WHERE p.seq < c.seq AND p.seq > coalesce(
                (SELECT max(l.seq) FROM audit_events_legacy AS l WHERE l.seq < c.seq), 0)
              ORDER BY p.seq DESC LIMIT 1),
            (SELECT l.hash FROM audit_events_legacy AS l WHERE l.seq < c.seq
              ORDER BY l.seq DESC LIMIT 1),
            '${GENESIS}') AS prev_hash,
          lower(hex(c.hash)) AS hash
          FROM audit_events_compact AS c;
      CREATE TRIGGER audit_events_no_update INSTEAD OF UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER audit_events_no_delete INSTEAD OF DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER audit_events_insert_legacy INSTEAD OF INSERT ON audit_events
        BEGIN
          INSERT INTO audit_events_legacy
            (seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash)
          VALUES (new.seq, new.at, new.user_id, new.action, new.entity_type, new.entity_id,
            new.entity_digest, new.prev_hash, new.hash);
        END;
    `);
  },
};
