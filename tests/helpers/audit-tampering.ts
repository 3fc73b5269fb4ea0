// Plain-SQL tampering with the audit events, as an attacker with the vault key would do it. Since
// migration 0260 `audit_events` is a view over the legacy and compact tables, so a test cannot
// UPDATE or DELETE it directly: this SQL drops every append-only trigger and makes the view
// writable, each change going to the table that holds the row. A compact row changed this way gets
// the canonical text of its new fields (json_object writes ASCII as JSON.stringify does) and the
// hash given in hex: exactly what an attacker would store.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export const OPEN_AUDIT_FOR_TAMPERING = `
  DROP TRIGGER IF EXISTS audit_events_no_update;
  DROP TRIGGER IF EXISTS audit_events_no_delete;
  DROP TRIGGER IF EXISTS audit_events_legacy_no_update;
  DROP TRIGGER IF EXISTS audit_events_legacy_no_delete;
  DROP TRIGGER IF EXISTS audit_events_compact_no_update;
  DROP TRIGGER IF EXISTS audit_events_compact_no_delete;
  CREATE TRIGGER IF NOT EXISTS audit_events_tamper_update INSTEAD OF UPDATE ON audit_events
  BEGIN
    UPDATE audit_events_legacy SET seq = new.seq, at = new.at, user_id = new.user_id,
        action = new.action, entity_type = new.entity_type, entity_id = new.entity_id,
        entity_digest = new.entity_digest, prev_hash = new.prev_hash, hash = new.hash
      WHERE seq = old.seq;
    UPDATE audit_events_compact SET seq = new.seq,
        body = json_object('action', new.action, 'at', new.at, 'entityDigest', new.entity_digest,
          'entityId', new.entity_id, 'entityType', new.entity_type, 'seq', new.seq,
          'userId', new.user_id),
        hash = coalesce(unhex(new.hash), CAST(new.hash AS BLOB))
      WHERE seq = old.seq;
  END;
  CREATE TRIGGER IF NOT EXISTS audit_events_tamper_delete INSTEAD OF DELETE ON audit_events
  BEGIN
    DELETE FROM audit_events_legacy WHERE seq = old.seq;
    DELETE FROM audit_events_compact WHERE seq = old.seq;
  END;
`;

/**
 * Moves every compact event into the legacy table, as a vault written before migration 0260
 * holds them (same fields, same hashes: a compact text is the canonical text the old format
 * hashes). For tests of the old format's own paths.
 */
export function moveEventsToLegacy(db: Database): void {
  db.exec(`${OPEN_AUDIT_FOR_TAMPERING}
    INSERT INTO audit_events_legacy
      SELECT seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash
        FROM audit_events WHERE seq IN (SELECT seq FROM audit_events_compact);
    DELETE FROM audit_events_compact;
    CREATE TRIGGER audit_events_legacy_no_update BEFORE UPDATE ON audit_events_legacy
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
    CREATE TRIGGER audit_events_legacy_no_delete BEFORE DELETE ON audit_events_legacy
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
    CREATE TRIGGER audit_events_compact_no_update BEFORE UPDATE ON audit_events_compact
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
    CREATE TRIGGER audit_events_compact_no_delete BEFORE DELETE ON audit_events_compact
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
  `);
}
