// Migration 0040 (the vault settings row) on a real encrypted vault holding data at the schema just
// before it: every existing row survives, the new table is STRICT and starts empty (the defaults
// apply until the first settings:save), and its CHECKs refuse values the schema refuses.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { migration0040 } from '../../../electron/core/vault/migrations/0040-settings-and-blank-voids';
import { migrations } from '../../../electron/core/vault/migrations/index';
import { runMigrations } from '../../../electron/core/vault/run-migrations';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import { migrationTestVault } from './migration-test-vault';
import { TEST_SCRYPT } from './vault-fixture';

const vault = migrationTestVault(migration0040);
let db: Database;
beforeEach(() => {
  db = vault.db;
});

function seedPreviousVersion(): void {
  vault.migrateToPrevious();
  vault.insertUserAndForm('voided');
  db.prepare(
    `INSERT INTO certificates (id, number, state, draft_json, exporter_name, consignee_name,
       destination_country, hs_code, created_at, updated_at)
     VALUES (7, 'US12345', 'VOIDED', '{}', 'E', 'C', 'BE', '7102.10', '2026-11-27T10:00:00Z',
       '2026-11-27T10:00:00Z')`,
  ).run();
  db.prepare(
    `INSERT INTO outbox (id, certificate_id, recipient, reason, payload_json, status, attempts,
       created_at, sent_at)
     VALUES (3, 7, 'census', 'voided', '{"number":"US12345"}', 'sent', 2, '2026-11-27T10:00:00Z',
       '2026-11-27T11:00:00Z')`,
  ).run();
  db.prepare("INSERT INTO settings (key, value_json) VALUES ('recoveryKeyConfirmedAt', ?)").run(
    JSON.stringify({ at: '2026-11-27T10:00:00Z', userId: 1 }),
  );
}

const row = (overrides: Record<string, number> = {}) => ({
  expiry: 60,
  itn: 30,
  retention: 10,
  lock: 15,
  x: 0,
  y: 0,
  ...overrides,
});

const insert = (values: ReturnType<typeof row>) =>
  db
    .prepare(
      `INSERT INTO vault_settings VALUES (1, @expiry, @itn, @retention, @lock, @x, @y,
         '2026-11-27T10:00:00Z', 1)`,
    )
    .run(values);

describe('migration 0040', () => {
  it('adds an empty, STRICT settings table and keeps every existing row', () => {
    seedPreviousVersion();
    // Up to this step only: later steps (0110) rebuild the outbox again.
    const { before, after } = vault.migrate(migration0040.version);
    // The outbox was rebuilt: each row is copied, with the new stock_number column empty.
    const { outbox: outboxBefore, ...others } = before;
    for (const [table, rows] of Object.entries(others))
      if (table !== 'audit_events') expect(after[table]).toEqual(rows);
    // Migrating only up to 0040 adds no event (0095 later puts the stock batch under the audit).
    expect(
      (after.audit_events ?? []).slice((before.audit_events ?? []).length).map((event) => {
        const { action, entity_type: type } = event as { action: string; entity_type: string };
        return [action, type];
      }),
    ).toEqual([]);
    expect(after.outbox).toEqual(
      (outboxBefore ?? []).map((row) => ({ ...(row as object), stock_number: null })),
    );
    expect(after.outbox).toHaveLength(1);
    expect(after.vault_settings).toEqual([]);
    expect(after.blank_voids).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(
      db
        .prepare("SELECT strict FROM pragma_table_list WHERE name = 'vault_settings'")
        .pluck()
        .get(),
    ).toBe(1);
    runMigrations(db, migrations);
    // No row: the services fall back to the defaults and the confirmation fact is still read.
    const services = createVaultServices(db, { passwordHashing: TEST_SCRYPT });
    expect(services.settings.stored()).toBeNull();
    expect(services.settings.validation().expiryMaxDays).toBe(60);
    expect(services.facts.recoveryKeyConfirmation()).toMatchObject({ userId: 1 });
  });

  it('lets an outbox row name a certificate or a stock number, never both or neither', () => {
    seedPreviousVersion();
    runMigrations(db, migrations, migration0040.version);
    const add = db.prepare(
      `INSERT INTO outbox (certificate_id, stock_number, recipient, reason, payload_json, status,
         created_at) VALUES (?, ?, 'uskpa', 'voided', '{}', 'pending', 't')`,
    );
    add.run(null, 'US12345');
    add.run(7, null);
    expect(() => add.run(7, 'US12345')).toThrow(/CHECK constraint/);
    expect(() => add.run(null, null)).toThrow(/CHECK constraint/);
  });

  it('refuses out-of-range values even through plain SQL', () => {
    seedPreviousVersion();
    runMigrations(db, migrations);
    const bads: Record<string, number>[] = [
      { retention: 4 },
      { lock: 0 },
      { x: 73 },
      { y: -72.5 },
      { expiry: 367 },
    ];
    for (const bad of bads) expect(() => insert(row(bad))).toThrow(/CHECK constraint/);
    insert(row({ x: -72, y: 1.5 }));
    expect(() =>
      db.prepare('INSERT INTO vault_settings VALUES (2, 60, 30, 10, 15, 0, 0, ?, 1)').run('t'),
    ).toThrow(/CHECK constraint/);
  });
});
