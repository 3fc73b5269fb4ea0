// Migration 0060 (the ISSUED certificates by date of expiry) on a real encrypted vault at the
// schema just before it: every row is kept, and the search for overdue certificates that runs at
// each unlock and sign-in reads the partial index instead of every ISSUED certificate's draft.
import { describe, expect, it } from 'vitest';
import { migration0060 } from '../../../electron/core/vault/migrations/0060-issued-expiry-index';
import { schemaVersion } from '../../../electron/core/vault/run-migrations';
import { createCertificateRepository } from '../../../electron/core/vault/repositories/certificate-repository';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0060);

describe('migration 0060', () => {
  it('keeps every row and lets the overdue search use the partial index', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('available');
    // Up to this migration only: later ones add tables of their own.
    const { before, after } = vault.migrate(migration0060.version);
    expect(schemaVersion(vault.db)).toBe(migration0060.version);
    expect(after).toEqual(before);
    const sql = vault.db
      .prepare<[], string>(
        "SELECT sql FROM sqlite_master WHERE name = 'certificates_issued_by_expiry'",
      )
      .pluck()
      .get();
    expect(sql).toContain("WHERE state = 'ISSUED'");
    // The repository's own statement, as it runs at sign-in.
    const repository = createCertificateRepository(vault.db, () => new Date());
    expect(repository.overdueIssuedIds('2026-11-28')).toEqual([]);
    const plan = vault.db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT id FROM certificates INDEXED BY certificates_issued_by_expiry
          WHERE state = 'ISSUED' AND trim(json_extract(draft_json, '$.dateOfExpiry')) < '2026-11-28'
            AND date_of_issue < '2026-11-28' ORDER BY id`,
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('certificates_issued_by_expiry');
  });
});
