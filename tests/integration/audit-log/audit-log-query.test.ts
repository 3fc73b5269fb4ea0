// The audit log's paging query on a real encrypted vault: every event exactly once and in order
// however the pages fall, each filter (user, action, record, days) selecting exactly the events an
// independent SQL count selects, the roles and bad input refused with nothing changed, and the
// query plans reading one range of an index with no sort of the log (migration 0200).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogCursor, AuditLogPage } from '../../../shared/audit-log/audit-log-query';
import { auditPageQuery } from '../../../electron/core/audit-log/read-audit-page';
import type { Staff, TestVault } from '../vault/vault-fixture';
import {
  dumpTables,
  failureOf,
  openTestVault,
  seedVault,
  validDraft,
} from '../vault/vault-fixture';

let vault: TestVault;
let staff: Staff;

beforeEach(() => {
  vault = openTestVault();
  vault.clock.now = new Date('2026-07-01T12:00:00.000Z');
  staff = seedVault(vault);
  // Two days later, noon UTC (the same calendar day in every time zone within ±11 h): more
  // forms, and a draft on one of them.
  vault.clock.now = new Date('2026-07-03T12:00:00.000Z');
  const { issuance } = vault.services;
  // Book 2 registered form by form: a registration writes two events (its batch and its range,
  // issue 13 part 6), and the log needs many events for pages of every size.
  for (let number = 20000; number < 20120; number += 1)
    issuance.registerStock(staff.admin, {
      numbers: `US${String(number)}`,
      description: `Book 2, form ${String(number - 19999)}`,
    });
  issuance.createDraft(staff.operator, { number: 'US12341', draft: validDraft('US12341') });
  vault.clock.now = new Date('2026-07-06T12:00:00.000Z');
  issuance.createDraft(staff.operator, { number: 'US12342', draft: validDraft('US12342') });
});
afterEach(() => {
  vault.close();
});

const list = (actor: unknown, input: unknown): AuditLogPage =>
  vault.services.auditLog.list(actor, input);

/** Every page of a filter, following the cursors. */
function allPages(filter: Record<string, unknown>, limit: number): number[] {
  const seqs: number[] = [];
  let after: AuditLogCursor | null = null;
  for (;;) {
    const page = list(staff.reviewer, { filter, after, limit });
    expect(page.events.length).toBeLessThanOrEqual(limit);
    seqs.push(...page.events.map((event) => event.seq));
    if (page.next === null) return seqs;
    after = page.next;
  }
}

function expectedSeqs(where: string, ...params: unknown[]): number[] {
  return vault.db
    .prepare(`SELECT seq FROM audit_events WHERE ${where} ORDER BY at DESC, seq DESC`)
    .pluck()
    .all(...params) as number[];
}

describe('audit log paging', () => {
  it('gives every event exactly once, newest first, whatever the page size', () => {
    const all = expectedSeqs('1');
    expect(all.length).toBeGreaterThan(130);
    for (const limit of [1, 7, 50, 200]) expect(allPages({}, limit)).toEqual(all);
  });

  it('filters by user, action, certificate and days exactly as SQL counts them', () => {
    expect(allPages({ userId: staff.operator.userId }, 13)).toEqual(
      expectedSeqs('user_id = ?', staff.operator.userId),
    );
    expect(allPages({ action: 'certificate.create' }, 1)).toEqual(
      expectedSeqs("action = 'certificate.create'"),
    );
    expect(allPages({ action: 'certificate.create' }, 1)).toHaveLength(2);
    // Only 3 July: the second book and the first draft, nothing of 1 or 6 July.
    const third = allPages({ from: '2026-07-03', to: '2026-07-03' }, 25);
    expect(third).toEqual(expectedSeqs("at LIKE '2026-07-03%'"));
    expect(allPages({ from: '2026-07-04' }, 25)).toEqual(expectedSeqs("at LIKE '2026-07-06%'"));
    expect(
      allPages({ from: '2026-07-03', to: '2026-07-03', userId: staff.admin.userId }, 9),
    ).toEqual(expectedSeqs("at LIKE '2026-07-03%' AND user_id = ?", staff.admin.userId));
  });

  it('finds a certificate’s own events (and its form’s) by its number, in plain words', () => {
    const page = list(staff.reviewer, { filter: { certificateNumber: 'us12341' }, limit: 50 });
    const actions = page.events.map((event) => event.action);
    expect(actions).toContain('certificate.create');
    expect(actions).toContain('stock.register-range');
    expect(page.events.every((event) => event.certificateNumber === 'US12341')).toBe(true);
    const created = page.events.find((event) => event.action === 'certificate.create');
    expect(created?.details).toBe('Draft created: certificate US12341');
    expect(created?.userName).toBe('Otto Operator');
    // A form with no certificate yet: the event of the range it was registered in alone, worded
    // by the range's first and last number.
    const blank = list(staff.reviewer, { filter: { certificateNumber: 'US20005' } });
    expect(blank.events.map((event) => [event.details, event.certificateNumber])).toEqual([
      ['Registered KP number US20005 (1 number)', 'US20005'],
    ]);
    expect(page.events.find((event) => event.action === 'stock.register-range')?.details).toBe(
      'Registered KP numbers US12340 to US12359 (20 numbers)',
    );
  });

  it('refuses an operator and bad filters, changing nothing', () => {
    const before = dumpTables(vault.db);
    expect(failureOf(() => list(staff.operator, {})).code).toBe('FORBIDDEN');
    expect(failureOf(() => list(staff.operator, {})).message).toMatch(
      /An operator cannot read the audit log/,
    );
    const reversed = failureOf(() =>
      list(staff.admin, { filter: { from: '2026-07-05', to: '2026-07-01' } }),
    );
    expect(reversed).toMatchObject({ code: 'INVALID_INPUT' });
    expect(reversed.fields?.['filter.to']).toMatch(/first day must not be after the last day/);
    const badDay = failureOf(() => list(staff.admin, { filter: { from: '2026-02-30' } }));
    expect(badDay.fields?.['filter.from']).toMatch(/calendar date written YYYY-MM-DD/);
    expect(failureOf(() => list(staff.admin, { limit: 201 })).code).toBe('INVALID_INPUT');
    expect(failureOf(() => list(staff.admin, { filter: { action: "x' OR 1" } })).code).toBe(
      'INVALID_INPUT',
    );
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('reads each filter from one index range of each table in page order, never sorting the log', () => {
    const after = { at: '2026-07-03T12:00:00.000Z', seq: 40 };
    // Each index twice: the legacy table's (audit_by_…) and the compact one's (audit_compact_by_…).
    const plans: [Record<string, unknown>, RegExp][] = [
      [{}, /USING (COVERING )?INDEX audit_(compact_)?by_time/],
      [{ userId: 2 }, /USING (COVERING )?INDEX audit_(compact_)?by_user_time \(user_id=\? AND/],
      [
        { action: 'stock.register-range' },
        /USING (COVERING )?INDEX audit_(compact_)?by_action_time \(action=\?/,
      ],
      [
        { from: '2026-07-01', to: '2026-07-31' },
        /USING (COVERING )?INDEX audit_(compact_)?by_time \(at>\? AND at<\?\)/,
      ],
    ];
    for (const [filter, index] of plans) {
      const { sql, params } = auditPageQuery(vault.db, filter, after, 50);
      const plan = (
        vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]
      )
        .map((row) => row.detail)
        .join('\n');
      const lines = plan.split('\n');
      // One range of its index in each table, never a scan of either table.
      expect(lines.filter((line) => index.test(line))).toHaveLength(2);
      expect(plan).not.toMatch(/SCAN audit_events_(legacy|compact)\b(?! USING)/);
      // The only sorts: of each table's page (at most `limit` rows, read from its index), before
      // SQLite merges the two (MERGE (UNION ALL)); never of the log.
      expect(lines.filter((line) => /TEMP B-TREE/.test(line)).length).toBeLessThanOrEqual(2);
      expect(lines.filter((line) => /^CO-ROUTINE/.test(line))).toHaveLength(2);
    }
  });
});
