// Migration 0080 (the vault's trust list) on a real encrypted vault that holds data at the schema
// just before it: every existing row is kept, the new table is STRICT, a fingerprint is unique
// among the certificates still trusted (a removed one may come back as a new row), and a row
// cannot be half removed.
import { describe, expect, it } from 'vitest';
import { migration0080 } from '../../../electron/core/vault/migrations/0080-trusted-certificates';
import { schemaVersion } from '../../../electron/core/vault/run-migrations';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0080);
const FINGERPRINT = Array.from({ length: 32 }, () => 'AB').join(':');

const insert = (removedAt: string | null, removedBy: number | null) =>
  vault.db
    .prepare(
      `INSERT INTO trusted_certificates (certificate_der, fingerprint_sha256, subject, label,
         added_at, added_by, removed_at, removed_by)
       VALUES (x'3000', ?, 'CN=Test', 'Test', '2026-12-07T05:00:00Z', 1, ?, ?)`,
    )
    .run(FINGERPRINT, removedAt, removedBy);

describe('migration 0080', () => {
  it('keeps every row, adds a STRICT trust list with one active row per fingerprint', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('available');
    const { before, after } = vault.migrate(migration0080.version);
    expect(schemaVersion(vault.db)).toBe(80);
    for (const [table, rows] of Object.entries(before)) expect(after[table]).toEqual(rows);
    expect(after.trusted_certificates).toEqual([]);
    expect(
      vault.db
        .prepare("SELECT strict FROM pragma_table_list WHERE name = 'trusted_certificates'")
        .pluck()
        .get(),
    ).toBe(1);

    insert(null, null);
    expect(() => insert(null, null)).toThrow(/UNIQUE/);
    // Removed rows stay, and do not block the same certificate being trusted again.
    vault.db.prepare("UPDATE trusted_certificates SET removed_at = 'x', removed_by = 1").run();
    insert(null, null);
    expect(() => insert('2026-12-07T06:00:00Z', null)).toThrow(/CHECK/);
    expect(() =>
      vault.db
        .prepare(
          `INSERT INTO trusted_certificates (certificate_der, fingerprint_sha256, subject, label,
             added_at) VALUES (x'30', 'not a fingerprint', 'CN=x', 'x', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      vault.db.prepare("UPDATE trusted_certificates SET added_by = 'ada'").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
