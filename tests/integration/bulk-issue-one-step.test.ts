// Issuing in one step (electron/core/issuance/issue-in-one-step.ts, the path of `kpdesk
// issue-batch`) against the wizard's three steps (draft, ITN, issue), on a real encrypted vault:
// the same row, the same USKPA copy, the same refusals naming the same fields, an audit chain
// that verifies with every row covered, nothing written for a refused certificate, a check made
// on facts that changed before the store checked again, and only checks made by checkIssue taken.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckedIssue } from '../../electron/core/issuance/issue-in-one-step';
import type { Staff, TestVault } from './vault/vault-fixture';
import { dumpTables, failureOf, openTestVault, seedVault, validDraft } from './vault/vault-fixture';
import { packaging, warranty } from './submission/submission-fixture';

let vault: TestVault;
let staff: Staff;
beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault); // licensee Hudson (not a carrier), stock US12340-US12359
});
afterEach(() => {
  vault.close();
});

const requestFor = (number: string, change: Record<string, unknown> = {}) => ({
  number,
  draft: { ...validDraft(number), ...change },
  packaging,
  warranty,
});

function wizardIssue(number: string, change: Record<string, unknown> = {}): number {
  const { issuance } = vault.services;
  const draft = { ...validDraft(number), ...change };
  const { id } = issuance.createDraft(staff.operator, { number, draft });
  issuance.recordItn(staff.operator, { id, itn: draft.itn });
  issuance.issue(staff.operator, { id, attested: true, packaging, warranty });
  return id;
}

function checked(number: string, change: Record<string, unknown> = {}): CheckedIssue {
  const check = vault.services.issuance.checkIssue(requestFor(number, change));
  if (!check.ok) throw new Error(`refused: ${JSON.stringify(check.problems)}`);
  return check.checked;
}

const rowOf = (id: number) =>
  vault.db.prepare('SELECT * FROM certificates WHERE id = ?').get(id) as Record<string, unknown>;
const payloadOf = (id: number) =>
  JSON.parse(
    vault.db
      .prepare<[number], string>(
        "SELECT payload_json FROM outbox WHERE certificate_id = ? AND recipient = 'uskpa'",
      )
      .pluck()
      .get(id) ?? 'null',
  ) as Record<string, unknown>;
const actionsOf = (type: string, id: string | number) =>
  vault.db
    .prepare<[string, string], string>(
      'SELECT action FROM audit_events WHERE entity_type = ? AND entity_id = ? ORDER BY seq',
    )
    .pluck()
    .all(type, String(id));

describe('issue in one step', () => {
  it('stores what the wizard stores in three steps, with one audit event per entity written', () => {
    const wizard = wizardIssue('US12340');
    const record = vault.services.issuance.issueChecked(staff.operator, checked('US12341'));
    expect(record).toMatchObject({ number: 'US12341', state: 'ISSUED' });

    // The same row but for what names this certificate, its times and its edit counter.
    const differs = ['id', 'number', 'draft_json', 'version', 'created_at', 'updated_at'];
    const same = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).filter(([column]) => !differs.includes(column)));
    expect(same(rowOf(record.id))).toEqual(same(rowOf(wizard)));
    const draftOf = (id: number) => {
      const draft = JSON.parse(String(rowOf(id).draft_json)) as Record<string, unknown>;
      return { ...draft, number: 'N', aes: { ...(draft.aes as object), licenseNumber: 'N' } };
    };
    expect(draftOf(record.id)).toEqual(draftOf(wizard));
    expect(rowOf(record.id).attested_by).toBe(staff.operator.userId);

    // USKPA's copy: the same payload but for the number (Census's comes at shipment).
    const { number: a, ...oneStep } = payloadOf(record.id);
    const { number: b, ...threeSteps } = payloadOf(wizard);
    expect([a, b]).toEqual(['US12341', 'US12340']);
    expect(oneStep).toEqual(threeSteps);

    expect(actionsOf('certificate', record.id)).toEqual(['certificate.issue']);
    expect(actionsOf('certificate', wizard)).toEqual([
      'certificate.create',
      'certificate.record-itn',
      'certificate.issue',
    ]);
    // Registered by its range's one event (issue 13), the number's own first event is its use.
    expect(actionsOf('stock', 'US12341')).toEqual(['stock.take']);
    // Every digest written from RETURNING matches the row as the verification reads it, and the
    // queued USKPA row is recorded inside the issue event.
    expect(vault.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses what the wizard refuses, naming the same fields, and writes nothing', () => {
    const bad = { consignee: { name: 'Schupstraat Diamonds BV', address: 'Schupstraat 21' } };
    const { issuance } = vault.services;
    const { id } = issuance.createDraft(staff.operator, {
      number: 'US12342',
      draft: { ...validDraft('US12342'), ...bad },
    });
    issuance.recordItn(staff.operator, { id, itn: validDraft('US12342').itn });
    const wizard = failureOf(() =>
      issuance.issue(staff.operator, { id, attested: true, packaging, warranty }),
    );
    expect(wizard.code).toBe('CERTIFICATE_HAS_ERRORS');

    const before = dumpTables(vault.db);
    const check = issuance.checkIssue(requestFor('US12343', bad));
    expect(check).toMatchObject({ ok: false, code: 'CERTIFICATE_HAS_ERRORS' });
    const fields = check.ok ? [] : check.problems.map((problem) => problem.field);
    expect(new Set(fields)).toEqual(new Set(Object.keys(wizard.fields ?? {})));
    for (const problem of check.ok ? [] : check.problems) expect(problem.source).toBeTruthy();

    const lines = issuance.checkIssue({
      ...requestFor('US12343'),
      packaging: { description: 'two\nlines', sealNumbers: [] },
    });
    expect(lines).toMatchObject({ ok: false, problems: [{ field: 'packaging.description' }] });
    const badItn = issuance.checkIssue(requestFor('US12343', { itn: 'X2026' }));
    expect(badItn).toMatchObject({ ok: false });
    expect(badItn.ok ? [] : badItn.problems.map((problem) => problem.field)).toContain('itn');
    const short = issuance.checkIssue(requestFor('US1234'));
    expect(short).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(dumpTables(vault.db)).toEqual(before);

    // A reviewer is refused at the store, which then writes nothing either.
    const good = checked('US12343');
    expect(failureOf(() => issuance.issueChecked(staff.reviewer, good)).code).toBe('FORBIDDEN');
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('checks again at the store when the facts changed after the check', () => {
    const { issuance } = vault.services;
    const early = checked('US12344');
    // A licensee that is not a carrier is always its own exporter (31 CFR 592, USKPA licence):
    // renamed after the check, the certificate no longer passes, and nothing is issued.
    issuance.saveLicensee(staff.admin, {
      legalName: 'Hudson Diamonds Holding Inc.',
      address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
      tin: '12-3456789',
      isCommonCarrier: false,
    });
    const before = dumpTables(vault.db);
    const failure = failureOf(() => issuance.issueChecked(staff.operator, early));
    expect(failure.code).toBe('CERTIFICATE_HAS_ERRORS');
    expect(Object.keys(failure.fields ?? {})).toContain('exporter.name');
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('takes only what checkIssue returned, never a look-alike object', () => {
    const { issuance } = vault.services;
    const before = dumpTables(vault.db);
    const forged = { ...checked('US12345') };
    expect(() => issuance.issueChecked(staff.operator, forged)).toThrow(/only what checkIssue/);
    expect(dumpTables(vault.db)).toEqual(before);
  });
});
