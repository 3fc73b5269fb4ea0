// Issue 13 part 5 against the tables added after it: the record of incoming certificates (issue
// 15), the audit packages exported (issue 14), the submission recipients with their mail columns
// (issue 12), the verified heads (issue 13 part 6), the wraps of the signing keys (part 3) and
// the replacements of keys nobody can open (0295). audit-coverage.test.ts proves each table is
// listed as audited; this proves the listing works for them: each gets rows through the app's own
// channels, the chain verifies, and one cell changed with plain SQL (with the vault passphrase,
// as an insider could) breaks the verification, naming the record in a licensee's words.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import { unlockVaultAndKey } from '../../../electron/core/vault/keys/unlock-vault';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';
import { botswanaCertificate } from '../incoming/incoming-fixture';

const SECRET = 'ada signing secret, long enough';
let source: string;
const harnesses: ChannelHarness[] = [];

async function withVault<T>(dir: string, use: (db: Database) => T): Promise<T> {
  const { db, key } = await unlockVaultAndKey({ dir, secret: { passphrase: HARNESS_PASSPHRASE } });
  key.fill(0);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const app = createChannelHarness();
  harnesses.push(app);
  await app.firstRun();
  await app.issueFixture();
  await app.value('identity:generate', { signerName: 'Ada Admin' });
  await app.value('incoming:register', { certificate: botswanaCertificate() });
  await app.value('submissions:saveRecipientChannel', {
    recipient: 'census',
    channel: 'smtp',
    url: 'smtp://mail.example.com:587',
    to: 'copies@agency.gov',
    username: 'licensee',
    password: 'a mail password',
  });
  await app.value('auditPackage:export', { passphrase: 'a package passphrase' });
  await app.value('identity:setSigningSecret', { secret: SECRET });
  // Another session that cannot open the keys (no secret typed, no opened computer): replaced.
  const later = createChannelHarness({ dataDir: app.dataDir });
  harnesses.push(later);
  await later.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await later.signInAs('ada');
  await later.value('identity:replaceKeys', {
    reason: 'Nobody remembers the signing secret any more.',
    confirm: true,
  });
  await later.value('audit:verify');
  // Both connections closed, then the folder kept apart from the harnesses' own temp folders.
  await later.value('vault:lock');
  await app.value('vault:lock');
  source = join(mkdtempSync(join(tmpdir(), 'kp-newest-')), 'data');
  cpSync(app.dataDir, source, { recursive: true });
  for (const harness of harnesses.splice(0)) harness.dispose();
}, 120_000);

afterAll(() => {
  for (const harness of harnesses.splice(0)) harness.dispose();
});

/** A copy of the vault with `sql` run on it through plain SQL (the passphrase is enough). */
async function tamperedCopy(sql: string): Promise<string> {
  const copy = join(mkdtempSync(join(tmpdir(), 'kp-tamper-')), 'data');
  cpSync(source, copy, { recursive: true });
  await withVault(copy, (db) => {
    expect(db.prepare(sql).run().changes).toBe(1);
  });
  return copy;
}

describe('audit coverage of the newest tables', () => {
  it('verifies the untouched vault, with a row in each of them', async () => {
    await withVault(source, (db) => {
      expect(verifyAuditChain(db)).toMatchObject({ ok: true });
      for (const table of [
        'incoming_certificates',
        'audit_package_exports',
        'submission_recipients',
        'audit_verified_heads',
        'signing_key_wraps',
        'signing_key_replacements',
      ])
        expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBeGreaterThan(0);
    });
  });

  it.each([
    [
      'incoming_certificates',
      "UPDATE incoming_certificates SET importer_name = importer_name || ' Ltd' WHERE id = 1",
      /incoming certificate/i,
    ],
    [
      'audit_package_exports',
      "UPDATE audit_package_exports SET file_name = 'other.kpaudit' WHERE id = 1",
      /audit package export/i,
    ],
    [
      'submission_recipients',
      "UPDATE submission_recipients SET mail_to = 'thief@example.com' WHERE recipient = 'census'",
      /submission recipient/i,
    ],
    [
      'audit_verified_heads',
      'UPDATE audit_verified_heads SET events_checked = events_checked + 1 WHERE id = 1',
      /record of a full verification/i,
    ],
    [
      'signing_key_wraps',
      "UPDATE signing_key_wraps SET created_at = '2020-01-01T00:00:00.000Z' WHERE rowid = (SELECT min(rowid) FROM signing_key_wraps)",
      /protection of the signing keys/i,
    ],
    [
      'signing_key_replacements',
      "UPDATE signing_key_replacements SET reason = 'A reason written later.' WHERE id = 1",
      /replacement of the signing keys/i,
    ],
  ])('catches a cell of %s changed behind KP Desk', async (_table, sql, named) => {
    const copy = await tamperedCopy(sql);
    await withVault(copy, (db) => {
      const report = verifyAuditChain(db);
      expect(report.ok).toBe(false);
      expect(report.firstBreak?.message).toMatch(named);
    });
  });
});
