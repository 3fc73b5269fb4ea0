// The audit chain on a real vault: a valid chain of many events verifies; an event removed or
// altered, or a row changed behind the app's back (with the key, through plain SQL), is found
// and reported with its entity.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/vault/open-database';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import type { Staff, TestVault } from './vault-fixture';
import { openTestVault, seedVault, tamperWithVault, validDraft } from './vault-fixture';
import { OPEN_AUDIT_FOR_TAMPERING } from '../../helpers/audit-tampering';

let vault: TestVault;
let staff: Staff;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
});
afterEach(() => vault.close());

function draftSome(count: number): number[] {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const number = `US${String(12340 + i)}`;
    const created = vault.services.issuance.createDraft(staff.operator, {
      number,
      draft: validDraft(number),
    });
    vault.services.issuance.recordItn(staff.operator, { id: created.id, itn: 'X20261127123456' });
    ids.push(created.id);
  }
  return ids;
}

/** Tampering as an attacker with the key would: a second, plain connection to the file. */
const tamper = (sql: string): void => {
  tamperWithVault(vault, sql);
};

function reverify(): ReturnType<typeof verifyAuditChain> {
  const db = openDatabase(vault.path, vault.key, { create: false });
  try {
    return verifyAuditChain(db);
  } finally {
    db.close();
  }
}

describe('the audit chain', () => {
  it('verifies a valid chain of many events', () => {
    draftSome(20);
    const report = vault.services.audit.verify();
    const total = vault.db.prepare('SELECT count(*) FROM audit_events').pluck().get();
    expect(report).toEqual({ ok: true, eventsChecked: total });
    expect(total).toBeGreaterThan(60);
  });

  it('detects a certificate row edited behind the app', () => {
    const [id] = draftSome(3);
    tamper(`UPDATE certificates SET carat_hundredths = 99999 WHERE id = ${String(id)}`);
    const report = reverify();
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({
      kind: 'entity',
      entityType: 'certificate',
      entityId: String(id),
      // Named by its form number, as Settings → Check the record shows it.
      record: `certificate US12340 (record ${String(id)})`,
    });
  });

  it('detects a stock number set back to available', () => {
    draftSome(1);
    tamper("UPDATE stock SET status = 'available' WHERE number = 'US12340'");
    expect(reverify().firstBreak).toMatchObject({
      entityType: 'stock',
      entityId: 'US12340',
      record: 'form number US12340',
    });
  });

  it('detects a deleted event', () => {
    draftSome(3);
    tamper(`${OPEN_AUDIT_FOR_TAMPERING}
            DELETE FROM audit_events WHERE seq = 10;`);
    const report = reverify();
    expect(report).toMatchObject({ ok: false, eventsChecked: 9 });
    expect(report.firstBreak).toMatchObject({ kind: 'link', seq: 11 });
  });

  it('detects an edited event', () => {
    draftSome(3);
    tamper(`${OPEN_AUDIT_FOR_TAMPERING}
            UPDATE audit_events SET user_id = NULL WHERE seq = 5;`);
    expect(reverify().firstBreak).toMatchObject({ kind: 'hash', seq: 5 });
  });

  it('detects a row that no event accounts for', () => {
    draftSome(1);
    tamper(`INSERT INTO parties (kind, name, address, country, created_at, updated_at)
            VALUES ('consignee', 'Ghost BV', 'Antwerp, Belgium', 'BE', 't', 't')`);
    expect(reverify().firstBreak).toMatchObject({
      kind: 'entity',
      entityType: 'party',
      seq: null,
      record: expect.stringMatching(/^address-book entry \d+$/) as string,
    });
  });
});
