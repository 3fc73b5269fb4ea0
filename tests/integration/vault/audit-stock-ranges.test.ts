// Issue 13, part 6: one audit event per registered range of KP numbers instead of one per number,
// on a real encrypted vault. The range's digest covers the batch's rows; a number whose only event
// is its range must still be 'available'. Each tampering below is done as an attacker with the key
// would (plain SQL on a second connection) and must be reported: by the full verification, the
// check at unlock (for a range registered after the proved head) and the audit package's own
// check. Vaults written before this part (one 'stock.register' event per number, in the legacy
// table) still verify, and their numbers are still checked against their own events.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSinceVerifiedHead } from '../../../electron/core/audit-check/check-since-verified-head';
import { verifySnapshot } from '../../../electron/core/audit-check/snapshot-verification';
import { recordVerifiedHead } from '../../../electron/core/audit-check/verified-heads';
import {
  checkPackageChain,
  keyText,
} from '../../../electron/core/audit-package/check-package-chain';
import type { PackageEvent } from '../../../electron/core/audit-package/check-package-chain';
import type { AuditPackageManifest } from '../../../electron/core/audit-package/package-format';
import {
  hasWithheld,
  jsonRow,
  packageTables,
} from '../../../electron/core/audit-package/package-tables';
import type { JsonRow, WithheldDigest } from '../../../electron/core/audit-package/package-tables';
import {
  appendAuditEvent,
  createAuditWriter,
} from '../../../electron/core/vault/audit/audit-chain';
import { canonicalJson } from '../../../electron/core/vault/audit/canonical-json';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import type { AuditReport } from '../../../electron/core/vault/audit/verify-audit-chain';
import { createStockRepository } from '../../../electron/core/vault/repositories/stock-repository';
import { moveEventsToLegacy } from '../../helpers/audit-tampering';
import type { Staff, TestVault } from './vault-fixture';
import { openTestVault, seedVault, tamperWithVault, validDraft } from './vault-fixture';

let vault: TestVault;
let staff: Staff;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault); // registers US12340-US12359 (batch 1)
});
afterEach(() => vault.close());

const count = (sql: string): number =>
  vault.db.prepare<[], number>(sql).pluck().get() ?? Number.NaN;
const events = (): number => count('SELECT count(*) FROM audit_events');

type RangeEvent = { seq: number; entity_id: string; entity_digest: string; action: string };
const rangeEvents = (): RangeEvent[] =>
  vault.db
    .prepare<[], RangeEvent>(
      `SELECT seq, entity_id, entity_digest, action FROM audit_events
        WHERE entity_type = 'stock_range' ORDER BY seq`,
    )
    .all();

function register(numbers: string, description = 'Book'): number {
  return vault.services.issuance.registerStock(staff.operator, { numbers, description }).batchId;
}

function verify(): AuditReport {
  return verifyAuditChain(vault.db);
}

/** The documented projection, written out with canonicalJson (not the streaming digest). */
function projectionDigest(batchId: number): string {
  const rows = vault.db
    .prepare<[number], [string, number]>(
      'SELECT number, digits FROM stock WHERE batch_id = ? ORDER BY digits',
    )
    .raw()
    .all(batchId);
  const projection = {
    batch: batchId,
    count: rows.length,
    first: rows[0]?.[0] ?? null,
    last: rows.at(-1)?.[0] ?? null,
    numbers: rows.map(([number, digits]) => [number, digits]),
  };
  return createHash('sha256').update(canonicalJson(projection)).digest('hex');
}

describe('one audit event per registered range', () => {
  it('registers 20 or 2,000 numbers with the same two events: the batch and its range', () => {
    for (const [numbers, size] of [
      ['US30000-US30019', 20],
      ['US40000-US41999', 2_000],
    ] as const) {
      const before = events();
      const batchId = register(numbers);
      expect(events() - before).toBe(2);
      expect(count(`SELECT count(*) FROM stock WHERE batch_id = ${String(batchId)}`)).toBe(size);
      const range = rangeEvents().at(-1);
      expect(range).toMatchObject({ entity_id: String(batchId), action: 'stock.register-range' });
      expect(range?.entity_digest).toBe(projectionDigest(batchId));
    }
    expect(count("SELECT count(*) FROM audit_events WHERE entity_type = 'stock'")).toBe(0);
    expect(verify()).toEqual({ ok: true, eventsChecked: events() });
  });

  it('checks a used number by its own later event, and an unused one by its range', () => {
    const { issuance } = vault.services;
    issuance.createDraft(staff.operator, { number: 'US12341', draft: validDraft('US12341') });
    expect(count("SELECT count(*) FROM audit_events WHERE entity_id = 'US12341'")).toBe(1);
    expect(verify().ok).toBe(true);
    // The used number set back to available: its own event ('stock.take') says otherwise.
    tamperWithVault(vault, "UPDATE stock SET status = 'available' WHERE number = 'US12341'");
    const seq = count(
      "SELECT seq FROM audit_events WHERE entity_type = 'stock' AND entity_id = 'US12341'",
    );
    expect(verify().firstBreak).toMatchObject({ seq, entityType: 'stock', entityId: 'US12341' });
  });

  it('reports a number covered only by its range whose status was changed with no event', () => {
    const [range] = rangeEvents();
    tamperWithVault(vault, "UPDATE stock SET status = 'used' WHERE number = 'US12350'");
    expect(verify()).toMatchObject({
      ok: false,
      firstBreak: {
        seq: range?.seq,
        kind: 'entity',
        entityType: 'stock',
        entityId: 'US12350',
        record: 'form number US12350',
      },
    });
  });

  it('reports a number added inside a registered range, naming the range', () => {
    register('US30000-US30004,US30008-US30009');
    const range = rangeEvents().at(-1);
    const batch = range?.entity_id ?? '';
    tamperWithVault(
      vault,
      `INSERT INTO stock (number, digits, batch_id, status) VALUES ('US30006', 30006, ${batch}, 'available')`,
    );
    const report = verify();
    expect(report.firstBreak).toMatchObject({
      seq: range?.seq,
      entityType: 'stock_range',
      entityId: batch,
    });
    expect(report.firstBreak?.record).toBe(
      `registered range of form numbers ${batch} (US30000 to US30009, 8 numbers now)`,
    );
    expect(report.firstBreak?.message).toMatch(/differs from what audit event \d+ recorded/);
  });

  it('reports a number added after the end of a range, or to a batch without a range event', () => {
    const [range] = rangeEvents();
    tamperWithVault(
      vault,
      "INSERT INTO stock (number, digits, batch_id, status) VALUES ('US12360', 12360, 1, 'available')",
    );
    expect(verify().firstBreak).toMatchObject({ entityType: 'stock_range', entityId: '1' });
    expect(verify().firstBreak?.seq).toBe(range?.seq);
    // Another batch, with no event for the number (an old-style batch, or a row made by hand).
    tamperWithVault(
      vault,
      `DELETE FROM stock WHERE number = 'US12360';
       INSERT INTO stock_batches (id, description, registered_at, registered_by)
         SELECT 99, description, registered_at, registered_by FROM stock_batches WHERE id = 1;
       INSERT INTO stock (number, digits, batch_id, status) VALUES ('US12999', 12999, 99, 'available')`,
    );
    expect(verify().firstBreak).toMatchObject({
      seq: null,
      entityType: 'stock',
      entityId: 'US12999',
    });
    expect(verify().firstBreak?.message).toMatch(/has no audit event/);
  });

  it('reports a number deleted, or renumbered, naming its range', () => {
    const [range] = rangeEvents();
    tamperWithVault(vault, "DELETE FROM stock WHERE number = 'US12345'");
    expect(verify().firstBreak).toMatchObject({
      seq: range?.seq,
      entityType: 'stock_range',
      entityId: '1',
    });
    tamperWithVault(
      vault,
      "INSERT INTO stock (number, digits, batch_id, status) VALUES ('US12345', 12345, 1, 'available')",
    );
    expect(verify().ok).toBe(true);
    // The digits column alone changed (the order the wizard drafts in): the range's digest.
    tamperWithVault(vault, "UPDATE stock SET digits = 99999 WHERE number = 'US12345'");
    expect(verify().firstBreak).toMatchObject({ entityType: 'stock_range', entityId: '1' });
  });

  it('reports a range event whose digest does not match its rows, at unlock too', () => {
    // A proved head, then a range registered after it and changed behind KP Desk.
    const now = () => vault.clock.now;
    const proved = verifySnapshot(vault.db);
    recordVerifiedHead(vault.db, createAuditWriter(vault.db, now), proved, null, now);
    register('US50000-US50099');
    // The record of that verification, the batch and its range.
    expect(checkSinceVerifiedHead(vault.db)).toMatchObject({ state: 'ok', recordsChecked: 3 });
    const range = rangeEvents().at(-1);
    tamperWithVault(vault, "UPDATE stock SET batch_id = 1 WHERE number = 'US50050'");
    const check = checkSinceVerifiedHead(vault.db);
    expect(check).toMatchObject({
      state: 'broken',
      firstBreak: { seq: range?.seq, entityType: 'stock_range', entityId: range?.entity_id },
    });
    // The full verification finds it too (the earlier range, batch 1, now holds one more).
    expect(verify().firstBreak).toMatchObject({ entityType: 'stock_range' });
  });
});

describe('vaults written before ranges (one stock.register event per number)', () => {
  /** Registers as KP Desk did before this part: the batch's event, then one event per number. */
  function registerTheOldWay(numbers: string): void {
    const stock = createStockRepository(vault.db, () => vault.clock.now);
    vault.db.transaction(() => {
      const { batchId, numbers: registered } = stock.register(
        { numbers, description: 'Old book' },
        staff.operator.userId,
      );
      const append = (input: Parameters<typeof appendAuditEvent>[1]) =>
        appendAuditEvent(vault.db, input, () => vault.clock.now);
      append({
        userId: staff.operator.userId,
        action: 'stock.register-batch',
        entityType: 'stock_batch',
        entityId: batchId,
      });
      for (const number of registered)
        append({
          userId: staff.operator.userId,
          action: 'stock.register',
          entityType: 'stock',
          entityId: number,
        });
    })();
  }

  beforeEach(() => {
    registerTheOldWay('US60000-US60029');
    moveEventsToLegacy(vault.db);
    // And a range registered since, in the compact table.
    register('US61000-US61009');
  });

  it('verifies old per-number events beside new range events', () => {
    expect(count("SELECT count(*) FROM audit_events_legacy WHERE action = 'stock.register'")).toBe(
      30,
    );
    expect(
      count("SELECT count(*) FROM audit_events_compact WHERE entity_type = 'stock_range'"),
    ).toBe(1);
    expect(verify()).toEqual({ ok: true, eventsChecked: events() });
    expect(checkPackage()).toEqual({ ok: true, eventsChecked: events() });
  });

  it('still checks an old number against its own event', () => {
    tamperWithVault(vault, "UPDATE stock SET status = 'voided' WHERE number = 'US60007'");
    const seq = count(
      "SELECT seq FROM audit_events WHERE entity_type = 'stock' AND entity_id = 'US60007'",
    );
    expect(verify().firstBreak).toMatchObject({ seq, entityType: 'stock', entityId: 'US60007' });
  });

  it('reports a number added to an old batch (no range covers it)', () => {
    const batch = count("SELECT batch_id FROM stock WHERE number = 'US60000'");
    tamperWithVault(
      vault,
      `INSERT INTO stock (number, digits, batch_id, status) VALUES ('US60030', 60030, ${String(batch)}, 'available')`,
    );
    expect(verify().firstBreak).toMatchObject({
      seq: null,
      entityType: 'stock',
      entityId: 'US60030',
    });
  });
});

/** The audit package's own check over this vault's events and rows, as an export writes them. */
function checkPackage(): AuditReport {
  const list = vault.db
    .prepare(
      `SELECT seq, at, user_id AS userId, action, entity_type AS entityType,
              entity_id AS entityId, entity_digest AS entityDigest, prev_hash AS prevHash, hash
         FROM audit_events ORDER BY seq`,
    )
    .all() as PackageEvent[];
  const tables = new Map<string, JsonRow[]>();
  const withheld: WithheldDigest[] = [];
  for (const { table, key } of packageTables) {
    const rows = vault.db.prepare(`SELECT * FROM ${table}`).all() as Record<
      string,
      CanonicalValue
    >[];
    tables.set(
      table,
      rows.map((row) => jsonRow(table, row)),
    );
    // Rows with secrets travel without them, with the digest the licensee signs (as an export).
    for (const row of rows) {
      const written = jsonRow(table, row);
      if (hasWithheld(written))
        withheld.push({ table, key: keyText(written[key]), digest: digestOf(row) });
    }
  }
  const last = list.at(-1);
  const manifest = {
    auditHead: { seq: last?.seq ?? 0, hash: last?.hash ?? '' },
  } as unknown as AuditPackageManifest;
  return checkPackageChain(list, manifest, {
    tables,
    withheld,
    attachmentDigests: new Map(),
  });
}

describe('the audit package check', () => {
  it('accepts range events and reports a changed range or a status changed with no event', () => {
    register('US70000-US70049');
    expect(checkPackage()).toEqual({ ok: true, eventsChecked: events() });
    const range = rangeEvents().at(-1);
    tamperWithVault(vault, "DELETE FROM stock WHERE number = 'US70010'");
    expect(checkPackage().firstBreak).toMatchObject({
      seq: range?.seq,
      entityType: 'stock_range',
      entityId: range?.entity_id,
    });
    tamperWithVault(
      vault,
      `INSERT INTO stock (number, digits, batch_id, status) VALUES ('US70010', 70010, ${range?.entity_id ?? ''}, 'voided')`,
    );
    expect(checkPackage().firstBreak).toMatchObject({
      seq: range?.seq,
      entityType: 'stock',
      entityId: 'US70010',
    });
  });
});
