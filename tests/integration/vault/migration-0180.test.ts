// Migration 0180 (the e-mail channel) on a real encrypted vault holding recipient settings at the
// schema before it: the rows are kept as they were, each gets an 'audit.cover-existing' event
// with the digest of its rebuilt row (so the audit verification keeps vouching for it), 'smtp'
// rows are accepted with their address, and the checks refuse an e-mail row without one.
import { describe, expect, it } from 'vitest';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { migration0180 } from '../../../electron/core/vault/migrations/0180-submission-mail-channel';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0180);

describe('migration 0180', () => {
  it('keeps the recipients, covers them in the audit chain, and accepts the smtp channel', () => {
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
    const { before, after } = vault.migrate(migration0180.version);
    const kept = (after.submission_recipients as Record<string, unknown>[]).map((row) => ({
      recipient: row.recipient,
      channel: row.channel,
      url: row.url,
      ca_pem: row.ca_pem,
      client_cert_pem: row.client_cert_pem,
      client_key_pem: row.client_key_pem,
      updated_at: row.updated_at,
      updated_by: row.updated_by,
    }));
    expect(kept).toEqual(before.submission_recipients);

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

    vault.db
      .prepare(
        `UPDATE submission_recipients SET channel = 'smtp', url = 'smtp://mail.example:587',
           client_cert_pem = NULL, client_key_pem = NULL, mail_to = 'kp@census.example'
         WHERE recipient = 'census'`,
      )
      .run();
    expect(() =>
      vault.db
        .prepare("UPDATE submission_recipients SET mail_to = NULL WHERE recipient = 'census'")
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      vault.db
        .prepare("UPDATE submission_recipients SET smtp_username = 'u' WHERE recipient = 'census'")
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
