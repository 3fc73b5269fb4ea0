// Migration 0285 (the covering index of the documents' metadata) on a real encrypted vault
// holding a document at the schema before it: no row changes, and the audit package's read of
// records/attachments.json is answered from the index, not by decrypting the PDF's overflow
// pages to reach created_at (issue 14, the export's speed).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tableRowsSql } from '../../../electron/core/audit-package/table-rows-sql';
import { migration0285 } from '../../../electron/core/vault/migrations/0285-attachment-metadata-index';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0285);

describe('migration 0285', () => {
  it('changes no row and serves the metadata of the documents from the new index', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('used');
    // The document's certificate is not this test's concern: the row alone is inserted.
    vault.db.pragma('foreign_keys = OFF');
    const content = randomBytes(300_000);
    vault.db
      .prepare(
        `INSERT INTO attachments (id, certificate_id, kind, file_name, media_type, sha256, content,
           created_at) VALUES (7, 3, 'signed-certificate', 'US12345.pdf', 'application/pdf',
           'ab', ?, '2026-11-27T10:00:00Z')`,
      )
      .run(content);
    const { before, after } = vault.migrate(migration0285.version);
    expect(after).toEqual(before);

    const sql = tableRowsSql(vault.db, 'attachments', 'id');
    const plan = vault.db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all()
      .map((step) => step.detail);
    expect(plan).toEqual(['SCAN attachments USING COVERING INDEX attachments_metadata']);
    expect(vault.db.prepare(sql).all()).toEqual([
      {
        id: 7,
        certificate_id: 3,
        kind: 'signed-certificate',
        file_name: 'US12345.pdf',
        media_type: 'application/pdf',
        sha256: 'ab',
        created_at: '2026-11-27T10:00:00Z',
        content: null,
      },
    ]);
  });
});
