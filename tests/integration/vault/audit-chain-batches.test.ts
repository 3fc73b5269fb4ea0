// The verifier's two paths on a real vault: the fast batch path (SQLite writes the canonical
// text of many events at once) and the exact row-by-row path. They must agree: a clean chain
// passes by the fast path alone, a chain with any text the fast path cannot vouch for is
// walked exactly, and a break in any batch (not only the first) is reported as the exact path
// reports it, with the entity check finding what a walk of the latest events would.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../electron/core/vault/audit/audit-chain';
import { appendAuditEvent } from '../../../electron/core/vault/audit/audit-chain';
import { eventFieldsText } from '../../../electron/core/vault/audit/event-fields-text';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import { walkAuditChain } from '../../../electron/core/vault/audit/walk-audit-chain';
import type { Staff, TestVault } from './vault-fixture';
import { openTestVault, seedVault, tamperWithVault, validDraft } from './vault-fixture';
import { moveEventsToLegacy, OPEN_AUDIT_FOR_TAMPERING } from '../../helpers/audit-tampering';

let vault: TestVault;
let staff: Staff;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
});
afterEach(() => vault.close());

const BATCH = 7;

function draftSome(count: number): number[] {
  return Array.from({ length: count }, (_, i) => {
    const number = `US${String(12340 + i)}`;
    return vault.services.issuance.createDraft(staff.operator, {
      number,
      draft: validDraft(number),
    }).id;
  });
}

/** Events about a party that does not exist (its digest is that of null), with any text. */
function appendNotes(actions: readonly string[], entityId = 'no such party'): void {
  vault.db.transaction(() => {
    for (const action of actions)
      appendAuditEvent(vault.db, { userId: null, action, entityType: 'party', entityId });
  })();
}

const tamper = (sql: string): void => {
  tamperWithVault(vault, sql);
};

const eventCount = (): number =>
  vault.db.prepare<[], number>('SELECT count(*) FROM audit_events').pluck().get() ?? 0;

describe('the fast and exact paths of the chain walk', () => {
  it('passes a clean chain of many batches by the fast path alone', () => {
    draftSome(10);
    appendNotes(['quoted "note" with \\ backslash', '{"json":"looking"}', '']);
    const walk = walkAuditChain(vault.db, { batchSize: BATCH });
    expect(walk).toMatchObject({ eventsChecked: eventCount(), exactBatches: 0 });
    expect(walk.firstBreak).toBeUndefined();
    expect(eventCount()).toBeGreaterThan(4 * BATCH);
    expect(verifyAuditChain(vault.db, { batchSize: BATCH })).toEqual({
      ok: true,
      eventsChecked: eventCount(),
    });
  });

  it('walks exactly, and passes, old-format events whose text is not printable ASCII', () => {
    draftSome(3);
    appendNotes(['Zürich – note', 'line\nbreak', 'tab\there', '\u2028', 'emoji 💎']);
    // Compact events are hashed as stored, whatever their characters: the fast path passes them.
    const compact = walkAuditChain(vault.db, { batchSize: BATCH });
    expect(compact).toMatchObject({ eventsChecked: eventCount(), exactBatches: 0 });
    expect(compact.firstBreak).toBeUndefined();
    // The old format's text is rebuilt by SQLite, vouched for only in ASCII.
    moveEventsToLegacy(vault.db);
    const walk = walkAuditChain(vault.db, { batchSize: BATCH });
    expect(walk.firstBreak).toBeUndefined();
    expect(walk.eventsChecked).toBe(eventCount());
    expect(walk.exactBatches).toBeGreaterThan(0);
    expect(verifyAuditChain(vault.db, { batchSize: BATCH }).ok).toBe(true);
  });

  it('passes by the fast path text holding any ASCII character, control characters too', () => {
    draftSome(1);
    // json_quote (SQLite) and JSON.stringify must escape each of them alike, or the fast path
    // would hash other bytes than the writer did and leave the batch to the exact path.
    const every = Array.from({ length: 128 }, (_, code) => `a${String.fromCharCode(code)}b`);
    appendNotes(every, every.join(''));
    const walk = walkAuditChain(vault.db, { batchSize: BATCH });
    expect(walk).toMatchObject({ eventsChecked: eventCount(), exactBatches: 0 });
    expect(walk.firstBreak).toBeUndefined();
  });

  it('agrees with the exact path on any printable-ASCII action text', () => {
    draftSome(1);
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    });
    fc.assert(
      fc.property(fc.array(printable, { minLength: 1, maxLength: 5 }), printable, (actions, id) => {
        appendNotes(actions, id);
        const walk = walkAuditChain(vault.db, { batchSize: BATCH });
        expect(walk.firstBreak).toBeUndefined();
        expect(walk.exactBatches).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('reports an edited event in a later batch exactly', () => {
    draftSome(10);
    tamper(`${OPEN_AUDIT_FOR_TAMPERING}
            UPDATE audit_events SET action = 'certificate.void' WHERE seq = 19;`);
    const report = verifyAuditChain(vault.db, { batchSize: BATCH });
    expect(report).toMatchObject({ ok: false, eventsChecked: 18 });
    expect(report.firstBreak).toMatchObject({ kind: 'hash', seq: 19 });
  });

  it('reports a link broken at a batch boundary', () => {
    draftSome(10);
    // seq 14 ends the second batch of 7; its successor no longer links to anything.
    tamper(`${OPEN_AUDIT_FOR_TAMPERING}
            DELETE FROM audit_events WHERE seq = 14;`);
    const report = verifyAuditChain(vault.db, { batchSize: BATCH });
    expect(report).toMatchObject({ ok: false, eventsChecked: 13 });
    expect(report.firstBreak).toMatchObject({ kind: 'link', seq: 15 });
  });

  it('reports a whole missing batch at the first event after it', () => {
    draftSome(10);
    tamper(`${OPEN_AUDIT_FOR_TAMPERING}
            DELETE FROM audit_events WHERE seq BETWEEN 8 AND 14;`);
    const report = verifyAuditChain(vault.db, { batchSize: BATCH });
    expect(report).toMatchObject({ ok: false, eventsChecked: 7 });
    expect(report.firstBreak).toMatchObject({ kind: 'link', seq: 15 });
  });

  it('reports an event whose hash was given another length', () => {
    draftSome(4);
    tamper(`${OPEN_AUDIT_FOR_TAMPERING}
            UPDATE audit_events SET hash = hash || 'ab' WHERE seq = 9;`);
    expect(verifyAuditChain(vault.db, { batchSize: BATCH }).firstBreak).toMatchObject({
      kind: 'hash',
      seq: 9,
    });
  });
});

describe('a cut the fast path must not accept', () => {
  it('reports a REAL user id whose hash was made over the text JSON writes for it', () => {
    draftSome(2);
    const last = vault.db
      .prepare<[], AuditEvent & { userId: number }>(
        `SELECT seq, at, user_id AS userId, action, entity_type AS entityType,
           entity_id AS entityId, entity_digest AS entityDigest, prev_hash AS prevHash, hash
         FROM audit_events ORDER BY seq DESC LIMIT 1`,
      )
      .get();
    if (last === undefined) throw new Error('no events');
    // SQLite's json_object writes the REAL 3.0 as 3.0; the canonical text (JavaScript) says 3.
    const text = eventFieldsText(last).replace(
      `"userId":${String(last.userId)}}`,
      `"userId":${String(last.userId)}.0}`,
    );
    const forged = createHash('sha256')
      .update(last.prevHash + text)
      .digest('hex');
    // The old format (the compact one stores the text itself, where a REAL cannot hide). A
    // table without STRICT (and a user_id without a type) is needed to store a REAL there.
    moveEventsToLegacy(vault.db);
    tamper(`${OPEN_AUDIT_FOR_TAMPERING}
            CREATE TABLE audit_copy (seq INTEGER PRIMARY KEY, at TEXT, user_id, action TEXT,
              entity_type TEXT, entity_id TEXT, entity_digest TEXT, prev_hash TEXT, hash TEXT);
            INSERT INTO audit_copy SELECT * FROM audit_events_legacy;
            PRAGMA legacy_alter_table = ON;
            DROP TABLE audit_events_legacy;
            ALTER TABLE audit_copy RENAME TO audit_events_legacy;
            UPDATE audit_events_legacy SET user_id = CAST(user_id AS REAL), hash = '${forged}'
              WHERE seq = ${String(last.seq)};`);
    const walk = walkAuditChain(vault.db, { batchSize: BATCH });
    expect(walk.firstBreak).toMatchObject({ kind: 'hash', seq: last.seq });
    expect(walk.exactBatches).toBe(1);
  });
});

describe('the entity check', () => {
  it('reports the changed entity with the lowest seq of its latest event', () => {
    const ids = draftSome(6);
    const [first, , , , , last] = ids;
    tamper(
      `UPDATE certificates SET hs_code = '7102.10' WHERE id IN (${String(first)}, ${String(last)})`,
    );
    const report = verifyAuditChain(vault.db, { batchSize: BATCH });
    const latestOfFirst = vault.db
      .prepare<[string], number>(
        "SELECT max(seq) FROM audit_events WHERE entity_type = 'certificate' AND entity_id = ?",
      )
      .pluck()
      .get(String(first));
    expect(report.firstBreak).toMatchObject({
      kind: 'entity',
      entityType: 'certificate',
      entityId: String(first),
      seq: latestOfFirst,
    });
  });

  // Since issue 13 part 6 a registration writes one event for its range: a number deleted or
  // added inside the batch changes the range's digest, and the break names the range.
  it('reports a deleted stock number, naming the range it was registered in', () => {
    draftSome(1);
    tamper("DELETE FROM stock WHERE number = 'US12350'");
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      kind: 'entity',
      entityType: 'stock_range',
      entityId: '1',
      record: 'registered range of form numbers 1 (US12340 to US12359, 19 numbers now)',
    });
  });

  // 2,520 stock numbers; a status changed on a number covered only by its range is found
  // wherever it lies (the range's numbers are checked by the table, not by pages of events).
  for (const [number, page] of [
    ['US21500', 'second'],
    ['US22400', 'third'],
  ] as const)
    it(`reports a stock number changed on the ${page} page of its type`, () => {
      vault.services.issuance.registerStock(staff.operator, {
        numbers: 'US20000-US22499',
        description: 'Books 2 to 26',
      });
      expect(verifyAuditChain(vault.db).ok).toBe(true);
      tamper(`UPDATE stock SET status = 'voided' WHERE number = '${number}'`);
      expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
        kind: 'entity',
        entityType: 'stock',
        entityId: number,
      });
    });

  it('reports a stock number added without an event, to a registered batch or another', () => {
    draftSome(1);
    const rangeSeq = vault.db
      .prepare("SELECT seq FROM audit_events WHERE entity_type = 'stock_range'")
      .pluck()
      .get();
    tamper(
      "INSERT INTO stock (number, digits, batch_id, status) VALUES ('US99999', 99999, 1, 'available')",
    );
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      kind: 'entity',
      entityType: 'stock_range',
      entityId: '1',
      seq: rangeSeq,
    });
    tamper(`DELETE FROM stock WHERE number = 'US99999';
      INSERT INTO stock_batches (id, description, registered_at) VALUES (7, 'by hand', '2026-01-01');
      INSERT INTO stock (number, digits, batch_id, status) VALUES ('US99999', 99999, 7, 'available')`);
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      kind: 'entity',
      entityType: 'stock',
      entityId: 'US99999',
      seq: null,
    });
  });

  it('reports an event about an entity type the app does not know', () => {
    draftSome(1);
    vault.db.transaction(() => {
      // The writer refuses unknown types by its signature; a forged event is written by hand.
      appendAuditEvent(vault.db, {
        userId: null,
        action: 'forged',
        entityType: 'ghost' as 'party',
        entityId: '1',
        entityDigest: 'x',
      });
    })();
    expect(verifyAuditChain(vault.db).firstBreak).toMatchObject({
      kind: 'entity',
      entityType: 'ghost',
      seq: eventCount(),
    });
  });
});
