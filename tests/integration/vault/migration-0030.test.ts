// Migration 0030 (covering indexes for the audit verification and the four-filter records list)
// on a real encrypted vault holding data at the schema just before it: every row survives, the
// chain still verifies, the two indexes replace the ones they extend, and the planner uses them
// for the latest-digest and list queries.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, eventHash } from '../../../electron/core/vault/audit/audit-chain';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { walkAuditChain } from '../../../electron/core/vault/audit/walk-audit-chain';
import { migration0030 } from '../../../electron/core/vault/migrations/0030-audit-and-list-covering-indexes';
import { migrations } from '../../../electron/core/vault/migrations/index';
import { runMigrations } from '../../../electron/core/vault/run-migrations';
import { migrationTestVault } from './migration-test-vault';
import { dumpTables } from './vault-fixture';

const vault = migrationTestVault(migration0030);
let db: Database;
beforeEach(() => {
  db = vault.db;
});

/** Stock, certificates and their audit events, written by hand at the previous schema. */
function seedPreviousVersion(): void {
  vault.migrateToPrevious();
  let seq = 0;
  let prevHash = GENESIS_HASH;
  const insertEvent = db.prepare(
    `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const record = (action: string, entityType: string, table: string, key: string, id: string) => {
    const row = db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).get(id) as CanonicalValue;
    seq += 1;
    const fields = {
      seq,
      at: '2026-11-27T10:00:00.000Z',
      userId: 1,
      action,
      entityType,
      entityId: id,
      entityDigest: digestOf(row),
    };
    const hash = eventHash(prevHash, fields);
    insertEvent.run(seq, fields.at, 1, action, entityType, id, fields.entityDigest, prevHash, hash);
    prevHash = hash;
  };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, created_at)
       VALUES (1, 'ada', 'Ada Admin', 'administrator', 'scrypt$x', '2026-11-27T10:00:00Z')`,
    ).run();
    record('user.create', 'user', 'users', 'id', '1');
    db.prepare("INSERT INTO stock_batches VALUES (1, 'book 1', '2026-11-27T10:00:00Z', 1)").run();
    for (let i = 0; i < 30; i += 1) {
      const number = `US${String(12340 + i)}`;
      db.prepare("INSERT INTO stock VALUES (?, ?, 1, 'available')").run(number, 12340 + i);
      record('stock.register', 'stock', 'stock', 'number', number);
    }
    for (let i = 0; i < 20; i += 1) {
      const number = `US${String(12340 + i)}`;
      db.prepare("UPDATE stock SET status = 'used' WHERE number = ?").run(number);
      record('stock.use', 'stock', 'stock', 'number', number);
      const id = db
        .prepare(
          `INSERT INTO certificates (number, state, draft_json, exporter_name, consignee_name,
             destination_country, hs_code, date_of_issue, created_at, updated_at)
           VALUES (?, ?, '{}', ?, ?, ?, '7102.31', ?, 't', 't')`,
        )
        .run(
          number,
          i % 2 === 0 ? 'ISSUED' : 'DRAFT',
          i % 3 === 0 ? 'Diamond House' : 'Shree Gems',
          'Dubai Trading',
          i % 4 === 0 ? 'AE' : 'BE',
          `2026-11-${String(10 + i)}`,
        ).lastInsertRowid;
      record('certificate.create', 'certificate', 'certificates', 'id', String(id));
    }
  })();
}

const indexNames = (): string[] =>
  db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
    .pluck()
    .all();

const plan = (sql: string, ...params: unknown[]): string =>
  db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((step) => step.detail)
    .join('\n');

describe('migration 0030', () => {
  it('keeps every row and the chain, and swaps in the covering indexes', () => {
    seedPreviousVersion();
    const withoutStats = (tables: Record<string, unknown[]>) =>
      Object.fromEntries(Object.entries(tables).filter(([name]) => !name.startsWith('sqlite_')));
    const before = withoutStats(dumpTables(db));
    expect(indexNames()).toContain('audit_by_entity');

    expect(runMigrations(db, migrations, 30)).toBe(30);

    expect(withoutStats(dumpTables(db))).toEqual(before);
    const names = indexNames();
    expect(names).toEqual(
      expect.arrayContaining([
        'audit_latest_by_entity',
        'certificates_by_state_destination_issue_names',
      ]),
    );
    expect(names).not.toContain('audit_by_entity');
    expect(names).not.toContain('certificates_by_state_destination_issue');

    // The latest digest of every entity comes from the index alone.
    expect(
      plan(
        `SELECT entity_id, max(seq), entity_digest FROM audit_events
          WHERE entity_type = ? GROUP BY entity_id ORDER BY entity_id LIMIT 1000`,
        'stock',
      ),
    ).toMatch(/COVERING INDEX audit_latest_by_entity/);
    const latest = db
      .prepare<[], { entity_digest: string }>(
        `SELECT entity_id, max(seq), entity_digest FROM audit_events
          WHERE entity_type = 'stock' AND entity_id = 'US12345' GROUP BY entity_id`,
      )
      .get();
    const row = db.prepare("SELECT * FROM stock WHERE number = 'US12345'").get() as CanonicalValue;
    expect(latest?.entity_digest).toBe(digestOf(row));

    // The list with all four filters tests the names on the index entries (the repository names
    // the index: see certificate-list-query.ts).
    expect(
      plan(
        `SELECT * FROM certificates INDEXED BY certificates_by_state_destination_issue_names WHERE state = ? AND destination_country = ?
           AND date_of_issue >= ? AND date_of_issue <= ?
           AND ((exporter_name COLLATE NOCASE >= ? AND exporter_name COLLATE NOCASE < ?)
             OR (consignee_name COLLATE NOCASE >= ? AND consignee_name COLLATE NOCASE < ?))
           ORDER BY date_of_issue DESC, id DESC LIMIT 50`,
        'ISSUED',
        'AE',
        '2026-01-01',
        '2026-12-31',
        'di',
        'dj',
        'di',
        'dj',
      ),
    ).toMatch(
      /USING INDEX certificates_by_state_destination_issue_names \(state=\? AND destination_country=\? AND date_of_issue>\? AND date_of_issue<\?\)/,
    );

    // The chain still holds: today's walker reads the event tables of migration 0260.
    runMigrations(db, migrations);
    const walk = walkAuditChain(db);
    // 71 events, and any that the later migrations wrote.
    expect(walk.eventsChecked).toBe(
      db.prepare<[], number>('SELECT count(*) FROM audit_events').pluck().get(),
    );
    expect(walk.eventsChecked).toBeGreaterThanOrEqual(71);
    expect(walk.firstBreak).toBeUndefined();
  });
});
