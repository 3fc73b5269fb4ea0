// Migration 0265 (the outbox's indexes trimmed, issue 12) on a real encrypted vault holding
// outbox rows in several statuses: no row moves, outbox_pending is gone, and the two partial
// indexes hold exactly the rows being sent and the rows that wait for the user.
import { describe, expect, it } from 'vitest';
import { migration0265 } from '../../../electron/core/vault/migrations/0265-outbox-lean-indexes';
import { schemaVersion } from '../../../electron/core/vault/run-migrations';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0265);

describe('migration 0265', () => {
  it('keeps every outbox row and swaps outbox_pending for two partial indexes', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('voided');
    const add = vault.db.prepare(
      `INSERT INTO outbox (stock_number, recipient, reason, payload_json, status, attempts,
         created_at, idempotency_key, next_due_at, delivered_at)
       VALUES ('US12345', ?, 'voided', '{}', ?, 1, '2026-11-27T10:00:00.000Z', ?,
         '2026-11-27T10:00:00.000Z', ?)`,
    );
    add.run('census', 'delivered', 'US12345/voided/v1', '2026-11-27T11:00:00.000Z');
    add.run('census', 'sending', 'US12345/voided/v2', null);
    add.run('uskpa', 'rejected', 'US12345/voided/v1', null);
    add.run('uskpa', 'pending', 'US12345/voided/v2', null);
    const { before, after } = vault.migrate(migration0265.version);
    expect(schemaVersion(vault.db)).toBe(265);
    expect(after).toEqual(before);
    const indexes = vault.db
      .prepare<[], string>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).not.toContain('outbox_pending');
    expect(indexes).toEqual(expect.arrayContaining(['outbox_rejected', 'outbox_sending']));
    const through = (index: string, status: string): number[] =>
      vault.db
        .prepare<[], number>(`SELECT id FROM outbox INDEXED BY ${index} WHERE status = '${status}'`)
        .pluck()
        .all();
    expect(through('outbox_sending', 'sending')).toEqual([2]);
    expect(through('outbox_rejected', 'rejected')).toEqual([3]);
  });
});
