// Migration 0130 (external references of bulk-issued certificates) on a real encrypted vault that
// holds data at the schema before it: every row is kept, the table is STRICT, a reference names
// one certificate and a certificate has at most one reference, and a reference must point at a
// certificate that exists (foreign keys on).
import { describe, expect, it } from 'vitest';
import { migration0130 } from '../../../electron/core/vault/migrations/0130-issue-references';
import { schemaVersion } from '../../../electron/core/vault/run-migrations';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0130);

const insertReference = (reference: string, certificateId: number, row = 1) =>
  vault.db
    .prepare(
      `INSERT INTO issue_references (reference, certificate_id, batch_file, batch_row, recorded_at, recorded_by)
       VALUES (?, ?, 'day.csv', ?, '2026-12-07T11:00:00Z', 1)`,
    )
    .run(reference, certificateId, row);

describe('migration 0130', () => {
  it('keeps every row and adds a STRICT table binding each reference to one certificate', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('used');
    vault.db
      .prepare(
        `INSERT INTO certificates (id, number, state, draft_json, exporter_name, consignee_name,
           destination_country, hs_code, created_at, updated_at)
         VALUES (1, 'US12345', 'ISSUED', '{}', 'E', 'C', 'BE', '7102.31', 'now', 'now')`,
      )
      .run();
    const { before, after } = vault.migrate(migration0130.version);
    expect(schemaVersion(vault.db)).toBe(130);
    for (const [table, rows] of Object.entries(before)) expect(after[table]).toEqual(rows);
    expect(after.issue_references).toEqual([]);
    expect(
      vault.db
        .prepare("SELECT strict FROM pragma_table_list WHERE name = 'issue_references'")
        .pluck()
        .get(),
    ).toBe(1);

    insertReference('SHP-1', 1);
    expect(() => insertReference('SHP-1', 1, 2)).toThrow(/UNIQUE|PRIMARY/);
    // One certificate, one reference; and "shp-1" is another reference (compared exactly).
    expect(() => insertReference('shp-1', 1)).toThrow(/UNIQUE/);
    expect(() => insertReference('SHP-2', 99)).toThrow(/FOREIGN KEY/);
    expect(() => insertReference('', 1)).toThrow(/CHECK/);
    expect(() => insertReference('SHP-3', 1, 0)).toThrow(/CHECK|UNIQUE/);
  });
});
