// Migration 0230 (the demo recipient mark) on a real encrypted vault holding recipient settings
// at the schema before it: the rows are kept, marked as no demo, each gets an
// 'audit.cover-existing' event with its new digest (the audit verification keeps vouching for
// it), and the column refuses anything but 0 or 1.
import { describe, expect, it } from 'vitest';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { migration0230 } from '../../../electron/core/vault/migrations/0230-submission-recipient-demo';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0230);

describe('migration 0230', () => {
  it('keeps the recipients as no demo, covers them in the audit chain, and checks the mark', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('available');
    vault.db
      .prepare(
        `INSERT INTO submission_recipients (recipient, channel, url, ca_pem, client_cert_pem,
           client_key_pem, updated_at, updated_by)
         VALUES ('census', 'https', 'https://intake.example/v1', 'CA', 'CERT', 'KEY', 'then', 1),
                ('uskpa', 'manual', NULL, NULL, NULL, NULL, 'then', 1)`,
      )
      .run();
    const { before, after } = vault.migrate(migration0230.version);
    const rows = after.submission_recipients as Record<string, unknown>[];
    expect(
      rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'demo'))),
    ).toEqual(before.submission_recipients);
    expect(rows.map((row) => row.demo)).toEqual([0, 0]);

    const events = vault.db
      .prepare<[], { entity_id: string; entity_digest: string; action: string }>(
        `SELECT entity_id, entity_digest, action FROM audit_events
          WHERE entity_type = 'submission_recipient' ORDER BY seq`,
      )
      .all();
    expect(events.map((e) => [e.entity_id, e.action])).toEqual([
      ['census', 'audit.cover-existing'],
      ['uskpa', 'audit.cover-existing'],
    ]);
    for (const event of events) {
      const row = vault.db
        .prepare('SELECT * FROM submission_recipients WHERE recipient = ?')
        .get(event.entity_id) as CanonicalValue;
      expect(event.entity_digest).toBe(digestOf(row));
    }
    expect(() =>
      vault.db
        .prepare("UPDATE submission_recipients SET demo = 2 WHERE recipient = 'census'")
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
