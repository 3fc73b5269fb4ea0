// Three additions, one step:
// 1. vault_settings: the settings a licensee keeps in the vault (shared/records/vault-settings.ts),
//    one typed row (id = 1) whose CHECKs repeat the schema's bounds, so a value out of range
//    cannot be stored even through plain SQL. No row means the defaults; the first settings:save
//    writes it with its audit event (a row written here would have none and fail verification).
// 2. blank_voids: why a blank form that was never drafted was voided (stock:voidBlank), beside
//    its stock row, which only says 'voided'.
// 3. outbox: a message may now be due for a stock number rather than a certificate (the void of
//    a blank form still goes to Census and USKPA), so certificate_id becomes optional and
//    stock_number is added; exactly one of the two is set. SQLite cannot relax NOT NULL in place:
//    the table is rebuilt and every row copied (data moves; see migration-0040.test.ts).
import type { Migration } from './migration';

export const migration0040: Migration = {
  version: 40,
  name: 'settings-and-blank-voids',
  up: (db) => {
    db.exec(`
      CREATE TABLE vault_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        expiry_max_days INTEGER NOT NULL CHECK (expiry_max_days BETWEEN 1 AND 366),
        itn_warning_days INTEGER NOT NULL CHECK (itn_warning_days BETWEEN 1 AND 366),
        -- Never below 5 years (15 CFR 30.10); the default is 10 (31 CFR 501.601).
        retention_years INTEGER NOT NULL CHECK (retention_years BETWEEN 5 AND 100),
        auto_lock_minutes INTEGER NOT NULL CHECK (auto_lock_minutes BETWEEN 1 AND 1440),
        printer_offset_x_pt REAL NOT NULL CHECK (printer_offset_x_pt BETWEEN -72 AND 72),
        printer_offset_y_pt REAL NOT NULL CHECK (printer_offset_y_pt BETWEEN -72 AND 72),
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users (id)
      ) STRICT;

      CREATE TABLE blank_voids (
        number TEXT PRIMARY KEY REFERENCES stock (number),
        reason TEXT NOT NULL,
        notes TEXT NOT NULL,
        voided_at TEXT NOT NULL,
        voided_by INTEGER NOT NULL REFERENCES users (id)
      ) STRICT;

      CREATE TABLE outbox_0040 (
        id INTEGER PRIMARY KEY,
        certificate_id INTEGER REFERENCES certificates (id),
        stock_number TEXT REFERENCES stock (number),
        recipient TEXT NOT NULL CHECK (recipient IN ('census', 'uskpa')),
        reason TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        CHECK ((certificate_id IS NULL) <> (stock_number IS NULL))
      ) STRICT;
      INSERT INTO outbox_0040 (id, certificate_id, stock_number, recipient, reason, payload_json,
                               status, attempts, created_at, sent_at)
        SELECT id, certificate_id, NULL, recipient, reason, payload_json, status, attempts,
               created_at, sent_at
          FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_0040 RENAME TO outbox;
      CREATE INDEX outbox_pending ON outbox (status, created_at);
      CREATE INDEX outbox_by_certificate ON outbox (certificate_id);
    `);
  },
};
