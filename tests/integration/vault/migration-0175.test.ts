// Migration 0175 (the records list's text-search index, issue 16) on a real encrypted vault at the
// schema just before it: every row is kept, and a search by any part of a text reads the index's
// entries in list order (no table scan, no sort) whatever else is filtered.
import { describe, expect, it } from 'vitest';
import { migration0175 } from '../../../electron/core/vault/migrations/0175-certificate-text-search-index';
import { listStatementFor } from '../../../electron/core/vault/repositories/certificate-list-query';
import { schemaVersion } from '../../../electron/core/vault/run-migrations';
import { CertificateListSchema } from '../../../shared/records/certificate-list-query';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0175);

describe('migration 0175', () => {
  it('keeps every row and lets a part search read the index in list order', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('available');
    const { before, after } = vault.migrate(migration0175.version);
    expect(schemaVersion(vault.db)).toBe(migration0175.version);
    expect(after).toEqual(before);
    const planOf = (input: Record<string, unknown>): string => {
      const { sql, params } = listStatementFor(CertificateListSchema.parse(input));
      return vault.db
        .prepare<[typeof params], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(params)
        .map((row) => row.detail)
        .join('\n');
    };
    for (const input of [
      { text: 'rough' },
      { text: '4321', state: 'ISSUED' },
      { text: 'mond tr', destination: 'BE', hsCode: '7102.31' },
      { text: 'x2026', issuedFrom: '2026-01-01', issuedTo: '2026-12-31' },
      { text: 'rough', cursor: { dateOfIssue: '2026-11-27', id: 10 } },
    ]) {
      const plan = planOf(input);
      expect(plan, JSON.stringify(input)).toMatch(/USING INDEX certificates_text_search/);
      expect(plan, JSON.stringify(input)).not.toMatch(/TEMP B-TREE/);
    }
  });
});
