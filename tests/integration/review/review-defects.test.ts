// The full review (issue 14, part 2) on a real encrypted vault: a clean vault yields no finding,
// and each defect planted in it is found, one test per defect, with its code, the certificate it
// names, its severity and a message naming what differs. Defects are planted by the app's own
// operations where the app allows them, by SQL through a second connection where it does not.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAnchorFiles } from '../../../electron/core/vault/audit/check-anchor-files';
import { formatAnchorLine } from '../../../electron/core/vault/audit/anchor-line';
import { readChainHead } from '../../../electron/core/vault/audit/chain-head';
import type { ReviewFinding } from '../../../shared/review/review-report';
import { dumpTables, validDraft } from '../vault/vault-fixture';
import type { ReviewWorld } from './review-world';
import { itnOf, openReviewWorld } from './review-world';

let world: ReviewWorld;
// Building the world signs four PDFs and delivers eight messages: generous on a loaded machine.
beforeEach(async () => {
  world = await openReviewWorld();
}, 120_000);
afterEach(async () => {
  await world.close();
});

function only(findings: readonly ReviewFinding[], code: string, number: string | null) {
  const found = findings.filter((f) => f.code === code && f.certificateNumber === number);
  expect(
    found,
    `${code} about ${String(number)} in ${JSON.stringify(findings, null, 1)}`,
  ).toHaveLength(1);
  return found[0] as ReviewFinding;
}

const rowIdOf = (recipient: string, reason: string, number: string): number =>
  world.vault.db
    .prepare<[string, string, string], number>(
      `SELECT o.id FROM outbox AS o JOIN certificates AS c ON c.id = o.certificate_id
        WHERE o.recipient = ? AND o.reason = ? AND c.number = ? ORDER BY o.id DESC LIMIT 1`,
    )
    .pluck()
    .get(recipient, reason, number) ?? 0;

describe('a clean vault', () => {
  it('yields no finding, having checked every certificate, document and audit event', async () => {
    const report = await world.review();
    expect(report.findings).toEqual([]);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(report.checked).toMatchObject({ certificates: 3, documents: 4, anchors: 0 });
    expect(report.checked.auditEvents).toBe(readChainHead(world.vault.db).seq);
    expect(report.ranBy).toBe('Rita Reviewer (rita, reviewer)');
    expect(report.vault.licensee).toBe('Hudson Rough Diamond Trading LLC');
    expect(report.period).toBeNull();
  });

  it('reviews a period by date of issue: none in 2026Q3, all three in 2026Q4', async () => {
    expect((await world.review({ period: '2026Q3' })).checked.certificates).toBe(0);
    const q4 = await world.review({ period: '2026Q4' });
    expect(q4.checked.certificates).toBe(3);
    expect(q4.period).toEqual({ label: '2026Q4', from: '2026-10-01', to: '2026-12-31' });
  });

  it('refuses an operator and a bad period, and changes nothing', async () => {
    const before = dumpTables(world.vault.db);
    await expect(world.review({}, {}, world.staff.operator)).rejects.toMatchObject({
      error: {
        code: 'FORBIDDEN',
        message: expect.stringMatching(/operator cannot run the review/i) as string,
      },
    });
    await expect(world.review({ period: '2026Q5' })).rejects.toMatchObject({
      error: { code: 'INVALID_INPUT', fields: { period: expect.any(String) as string } },
    });
    expect(dumpTables(world.vault.db)).toEqual(before);
    // An administrator may run it.
    expect((await world.review({}, {}, world.staff.admin)).findings).toEqual([]);
  });
});

describe('each planted defect is found', () => {
  it('AUDIT_CHAIN_BROKEN: a record changed behind the app', async () => {
    world.tamper((db) => {
      db.prepare(
        "UPDATE certificates SET consignee_name = 'Someone Else' WHERE number = 'US12341'",
      ).run();
    });
    const finding = only((await world.review()).findings, 'AUDIT_CHAIN_BROKEN', 'US12341');
    expect(finding.severity).toBe('error');
    expect(finding.message).toMatch(/US12341/);
  });

  it('AUDIT_CHAIN_BROKEN: a blank form removed from its registered range behind the app', async () => {
    // Registered with its range in one event (issue 13 part 6): the break names the range.
    const batch = world.vault.db
      .prepare<[], number>("SELECT batch_id FROM stock WHERE number = 'US12355'")
      .pluck()
      .get();
    world.tamper((db) => {
      db.prepare("DELETE FROM stock WHERE number = 'US12355'").run();
    });
    const finding = only((await world.review()).findings, 'AUDIT_CHAIN_BROKEN', null);
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain(`registered range of form numbers ${String(batch)}`);
  });

  it('AUDIT_ANCHOR_CONTRADICTED: a head kept outside that the chain no longer agrees with', async () => {
    const head = readChainHead(world.vault.db);
    const file = join(world.vault.dir, 'head.txt');
    writeFileSync(file, `${formatAnchorLine({ ...head, hash: 'f'.repeat(64), vaultId: null })}\n`);
    const report = await world.review(
      {},
      {
        anchors: () =>
          checkAnchorFiles(world.vault.db, [file], { cwd: world.vault.dir, vaultId: null }),
      },
    );
    expect(report.checked.anchors).toBe(1);
    expect(only(report.findings, 'AUDIT_ANCHOR_CONTRADICTED', null).message).toMatch(/head\.txt/);
  });

  it('DOCUMENT_NOT_VERIFIED: a stored signed PDF changed after signing (its hash updated too)', async () => {
    const id = world.idOf('US12341');
    world.tamper((db) => {
      const row = db
        .prepare<[number], { id: number; content: Buffer }>(
          "SELECT id, content FROM attachments WHERE certificate_id = ? AND kind = 'signed-certificate'",
        )
        .get(id);
      if (row === undefined) throw new Error('no signed PDF');
      const text = row.content.toString('latin1');
      const at = text.indexOf('/Producer');
      const changed = Buffer.from(row.content);
      changed[at + 1] = 'p'.charCodeAt(0);
      db.prepare('UPDATE attachments SET content = ?, sha256 = ? WHERE id = ?').run(
        changed,
        createHash('sha256').update(changed).digest('hex'),
        row.id,
      );
    });
    const finding = only((await world.review()).findings, 'DOCUMENT_NOT_VERIFIED', 'US12341');
    expect(finding.message).toMatch(/US12341\.pdf does not verify: .*signature/i);
  });

  it('DOCUMENT_RECORD_MISMATCH: the record no longer says what the signed PDF says', async () => {
    world.tamper((db) => {
      db.prepare(
        "UPDATE certificates SET draft_json = json_set(draft_json, '$.carats', '13.50') WHERE number = 'US12341'",
      ).run();
    });
    const finding = only((await world.review()).findings, 'DOCUMENT_RECORD_MISMATCH', 'US12341');
    expect(finding.message).toMatch(/12\.50/);
    expect(finding.message).toMatch(/13\.50/);
  });

  it('STOCK_GAP: forms missing between registered ranges', async () => {
    world.vault.services.issuance.registerStock(world.staff.operator, {
      numbers: 'US12370-US12379',
      description: 'Book 2',
    });
    const finding = only((await world.review()).findings, 'STOCK_GAP', null);
    expect(finding.severity).toBe('info');
    expect(finding.message).toMatch(/US12360 to US12369 \(10\)/);
  });

  it('STOCK_NUMBER_USED_TWICE: a used form shown as available again', async () => {
    world.tamper((db) => {
      db.prepare("UPDATE stock SET status = 'available' WHERE number = 'US12340'").run();
    });
    const finding = only((await world.review()).findings, 'STOCK_NUMBER_USED_TWICE', 'US12340');
    expect(finding.message).toMatch(/available .* could be issued a second time/);
  });

  it('ITN_MISSING: an issued certificate without its ITN', async () => {
    world.tamper((db) => {
      db.prepare(
        "UPDATE certificates SET itn = NULL, draft_json = json_set(draft_json, '$.itn', '') WHERE number = 'US12341'",
      ).run();
    });
    expect(only((await world.review()).findings, 'ITN_MISSING', 'US12341').severity).toBe('error');
  });

  it('ITN_USED_TWICE: the same ITN on another shipment (issued through the app)', async () => {
    await world.issue('US12343', { itn: itnOf('US12341') });
    await world.submissions.drain();
    const report = await world.review();
    expect(only(report.findings, 'ITN_USED_TWICE', 'US12343').message).toMatch(
      new RegExp(`${itnOf('US12341')} is also on US12341, .*HS code 7102\\.31 is on more than one`),
    );
    only(report.findings, 'ITN_USED_TWICE', 'US12341');
    expect(report.counts.error).toBe(2);
  });

  it('ITN_SHARED_BY_SPLIT_SHIPMENT: one shipment split by HS code shares its ITN (info only)', async () => {
    await world.issue('US12343', { itn: itnOf('US12341'), hsCodes: ['7102.21'] });
    await world.submissions.drain();
    const report = await world.review();
    expect(only(report.findings, 'ITN_SHARED_BY_SPLIT_SHIPMENT', 'US12343').severity).toBe('info');
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 2 });
  });

  it('CENSUS_EXPORT_COPY_NOT_DELIVERED: shipped, its copy still waiting', async () => {
    const { issuance } = world.vault.services;
    issuance.ship(world.staff.operator, { id: world.idOf('US12341'), shipDate: '2026-11-28' });
    const finding = only(
      (await world.review()).findings,
      'CENSUS_EXPORT_COPY_NOT_DELIVERED',
      'US12341',
    );
    expect(finding).toMatchObject({ severity: 'warning' });
    expect(finding.message).toMatch(/exported on 2026-11-28.*waiting to be sent/);
  });

  it('CENSUS_EXPORT_COPY_MISSING: shipped, its copy cancelled and never delivered', async () => {
    const { issuance } = world.vault.services;
    issuance.ship(world.staff.operator, { id: world.idOf('US12341'), shipDate: '2026-11-28' });
    world.submissions.cancel(world.staff.operator, rowIdOf('census', 'shipped', 'US12341'));
    const finding = only((await world.review()).findings, 'CENSUS_EXPORT_COPY_MISSING', 'US12341');
    expect(finding).toMatchObject({
      severity: 'error',
      citation: expect.stringMatching(/592\.301\(a\)\(1\)\(iv\)/) as string,
    });
  });

  it('CENSUS_VOID_COPY_NOT_DELIVERED: voided, its copy still waiting', async () => {
    world.vault.services.issuance.void(world.staff.operator, {
      id: world.idOf('US12341'),
      reason: 'Customer canceled shipment',
    });
    only((await world.review()).findings, 'CENSUS_VOID_COPY_NOT_DELIVERED', 'US12341');
  });

  it('CENSUS_VOID_COPY_MISSING: voided, its copy cancelled', async () => {
    world.vault.services.issuance.void(world.staff.operator, {
      id: world.idOf('US12341'),
      reason: 'Customer canceled shipment',
    });
    world.submissions.cancel(world.staff.operator, rowIdOf('census', 'voided', 'US12341'));
    const finding = only((await world.review()).findings, 'CENSUS_VOID_COPY_MISSING', 'US12341');
    expect(finding.citation).toMatch(/592\.301\(a\)\(1\)\(v\)/);
  });

  it('EXPIRED_NOT_VOIDED: marked expired by the app and not voided', async () => {
    world.vault.clock.now = new Date('2027-02-01T10:00:00.000Z');
    world.vault.services.issuance.expireOverdue('2027-02-01');
    const finding = only((await world.review()).findings, 'EXPIRED_NOT_VOIDED', 'US12341');
    expect(finding.message).toMatch(/expired on 2027-01-26/);
  });

  it('EXPIRED_NOT_VOIDED: still issued past its date of expiry', async () => {
    world.vault.clock.now = new Date('2027-02-01T10:00:00.000Z');
    const finding = only((await world.review()).findings, 'EXPIRED_NOT_VOIDED', 'US12341');
    expect(finding.message).toMatch(/passed its date of expiry \(2027-01-26\)/);
  });

  it('USKPA_REPORT_NOT_DELIVERED: issued, its report still waiting', async () => {
    await world.issue('US12343');
    only((await world.review()).findings, 'USKPA_REPORT_NOT_DELIVERED', 'US12343');
  });

  it('USKPA_REPORT_MISSING: issued, its report cancelled', async () => {
    await world.issue('US12343');
    world.submissions.cancel(world.staff.operator, rowIdOf('uskpa', 'issued', 'US12343'));
    const finding = only((await world.review()).findings, 'USKPA_REPORT_MISSING', 'US12343');
    expect(finding.message).toMatch(/issue of certificate US12343 .* cancelled/);
  });

  it('USKPA_REPORT_MISMATCH: what USKPA was told differs from the record', async () => {
    world.tamper((db) => {
      db.prepare(
        `UPDATE outbox SET payload_json = json_set(payload_json, '$.caratHundredths', 1350)
          WHERE recipient = 'uskpa' AND reason = 'issued'
            AND certificate_id = (SELECT id FROM certificates WHERE number = 'US12341')`,
      ).run();
    });
    const finding = only((await world.review()).findings, 'USKPA_REPORT_MISMATCH', 'US12341');
    expect(finding.message).toMatch(/caratHundredths: USKPA was told 1350, the record says 1250/);
  });

  it('USKPA_RECEIPT_MISMATCH: a delivered report whose receipt acknowledges another', async () => {
    world.tamper((db) => {
      db.prepare(
        `UPDATE submission_receipts
            SET signed_receipt_json = json_set(signed_receipt_json, '$.receipt.idempotencyKey', 'US12340/issued/v1')
          WHERE outbox_id = (SELECT o.id FROM outbox AS o JOIN certificates AS c ON c.id = o.certificate_id
                              WHERE o.recipient = 'uskpa' AND c.number = 'US12341')`,
      ).run();
    });
    const finding = only((await world.review()).findings, 'USKPA_RECEIPT_MISMATCH', 'US12341');
    expect(finding.message).toMatch(/acknowledges another report \(US12340\/issued\/v1\)/);
  });

  it('IMPORT_NUMBER_REUSED: an import certificate number used for an export', async () => {
    const report = await world.review({}, { importNumbers: () => new Set(['US12341']) });
    const finding = only(report.findings, 'IMPORT_NUMBER_REUSED', 'US12341');
    expect(finding.message).toMatch(/received on import/);
    expect(report.findings).toHaveLength(1);
  });

  it('CORRECTION_PENDING: a correction requested and not decided', async () => {
    world.vault.services.issuance.requestEdit(world.staff.operator, {
      id: world.idOf('US12341'),
      proposed: { ...validDraft('US12341'), itn: itnOf('US12341'), parcels: '3' },
      reason: 'Three parcels, not two.',
    });
    const report = await world.review();
    const finding = only(report.findings, 'CORRECTION_PENDING', 'US12341');
    expect(finding.message).toMatch(/Otto Operator .*"Three parcels, not two\."/);
    expect(report.findings).toHaveLength(1);
  });
});
