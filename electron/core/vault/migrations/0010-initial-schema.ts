// The first schema of the vault: the licensee's record of every certificate for ten years
// (31 CFR 501.601; 15 CFR 30.10). Every table is STRICT; foreign keys are enforced; amounts are
// integers (carat hundredths, US$ cents). The audit table is append-only by trigger.
import type { Migration } from './migration';

export const migration0010: Migration = {
  version: 10,
  name: 'initial-schema',
  up: (db) => {
    db.exec(`
      CREATE TABLE licensee (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        legal_name TEXT NOT NULL,
        address TEXT NOT NULL,
        tin TEXT NOT NULL,
        is_common_carrier INTEGER NOT NULL CHECK (is_common_carrier IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('operator', 'administrator', 'reviewer')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        disabled_at TEXT
      ) STRICT;

      CREATE TABLE parties (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('exporter', 'consignee')),
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        country TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX parties_by_name ON parties (name COLLATE NOCASE);

      CREATE TABLE stock_batches (
        id INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        registered_at TEXT NOT NULL,
        registered_by INTEGER REFERENCES users (id)
      ) STRICT;

      -- One row per purchased USKPA form. A number leaves 'available' once and never returns.
      CREATE TABLE stock (
        number TEXT PRIMARY KEY,
        digits INTEGER NOT NULL UNIQUE,
        batch_id INTEGER NOT NULL REFERENCES stock_batches (id),
        status TEXT NOT NULL CHECK (status IN ('available', 'used', 'voided'))
      ) STRICT;

      CREATE TABLE certificates (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE REFERENCES stock (number),
        state TEXT NOT NULL CHECK (state IN ('DRAFT', 'VALIDATED', 'ISSUED', 'SHIPPED', 'DELIVERED', 'VOIDED', 'EXPIRED')),
        draft_json TEXT NOT NULL,
        exporter_name TEXT NOT NULL,
        consignee_name TEXT NOT NULL,
        destination_country TEXT NOT NULL,
        hs_code TEXT NOT NULL,
        itn TEXT,
        date_of_issue TEXT,
        carat_hundredths INTEGER,
        value_cents INTEGER,
        packaging_json TEXT NOT NULL DEFAULT '{}',
        warranty_json TEXT NOT NULL DEFAULT '{}',
        attested_by INTEGER REFERENCES users (id),
        issued_at TEXT,
        ship_date TEXT,
        delivered_at TEXT,
        import_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (import_confirmed IN (0, 1)),
        void_reason TEXT,
        void_notes TEXT,
        voided_at TEXT,
        expired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX certificates_by_itn ON certificates (itn);
      CREATE INDEX certificates_by_exporter ON certificates (exporter_name COLLATE NOCASE);
      CREATE INDEX certificates_by_consignee ON certificates (consignee_name COLLATE NOCASE);
      CREATE INDEX certificates_by_state_issue ON certificates (state, date_of_issue);
      CREATE INDEX certificates_by_destination ON certificates (destination_country, date_of_issue);
      CREATE INDEX certificates_by_issue ON certificates (date_of_issue);

      -- Corrections after issue are requests that an administrator or reviewer decides;
      -- never a silent edit of an issued certificate.
      CREATE TABLE edit_requests (
        id INTEGER PRIMARY KEY,
        certificate_id INTEGER NOT NULL REFERENCES certificates (id),
        proposed_json TEXT NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        requested_by INTEGER NOT NULL REFERENCES users (id),
        requested_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users (id),
        decided_at TEXT,
        decision_note TEXT
      ) STRICT;
      CREATE INDEX edit_requests_by_certificate ON edit_requests (certificate_id);

      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        certificate_id INTEGER NOT NULL REFERENCES certificates (id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachments_by_certificate ON attachments (certificate_id);

      -- Transactional outbox: what must be sent (Census copy, USKPA report) is written in the
      -- same transaction as the change that makes it due.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        certificate_id INTEGER NOT NULL REFERENCES certificates (id),
        recipient TEXT NOT NULL CHECK (recipient IN ('census', 'uskpa')),
        reason TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (status, created_at);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users (id),
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        entity_digest TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_by_entity ON audit_events (entity_type, entity_id, seq);
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
    `);
  },
};
