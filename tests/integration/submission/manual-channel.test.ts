// Issue 12, the manual channel (fax to Census's KP contact, or Census's secure file transfer):
// nothing is sent by the app; each copy stays Pending with a reminder; the fax package is a real
// PDF (cover sheet to the Census KP Coordination Branch with (800) 457-7328, the sender, the page
// count and the certificates, then the signed pages) that qpdf --check and pdftotext read; the
// user's confirmation makes the row Delivered with that confirmation as its receipt, audited with
// the user, and worded as "confirmed by <user>", not proven by the recipient.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManualConfirmation } from '../../../electron/core/submission/delivery-receipt';
import { failureOf } from '../vault/vault-fixture';
import type { SubmissionWorld } from './submission-fixture';
import { issueAndShip, openSubmissionWorld } from './submission-fixture';

const fonts = {
  regular: readFileSync(join('resources', 'fonts', 'DejaVuSans.ttf')),
  bold: readFileSync(join('resources', 'fonts', 'DejaVuSans-Bold.ttf')),
};

let world: SubmissionWorld;
beforeEach(async () => {
  world = await openSubmissionWorld({ configure: false });
  for (const recipient of ['census', 'uskpa'] as const)
    world.submissions.configureRecipient(world.staff.admin, { recipient, channel: 'manual' });
  await issueAndShip(world.vault, world.staff.operator, 'US12345', true);
  world.vault.services.issuance.voidBlank(world.staff.operator, {
    number: 'US12350',
    reason: 'Other (notes required)',
    notes: 'Torn in the printer.',
  });
}, 120_000);
afterEach(async () => {
  await world.close();
});

const censusRows = () => world.submissions.list().filter((row) => row.recipient === 'census');

describe('manual channel (fax or secure file transfer)', () => {
  it('sends nothing and keeps each copy Pending with a reminder', async () => {
    const summary = await world.submissions.drain();
    expect(summary.attempts).toBe(0);
    expect(world.server.stored().size).toBe(0);
    const rows = world.submissions.list();
    expect(rows.length).toBe(4);
    for (const row of rows) {
      expect(row.status).toBe('pending');
      expect(row.reminder).toMatch(/^Waiting for you since 2026-11-27: /);
    }
    expect(censusRows()[0]?.reminder).toContain("Census's KP Coordination Branch ((800) 457-7328)");
  });

  it('builds a fax-ready package: cover sheet to Census, then the signed pages', async () => {
    const ids = censusRows().map((row) => row.id);
    const bytes = await world.submissions.faxPackage(world.staff.operator, ids, fonts);
    const dir = mkdtempSync(join(tmpdir(), 'kp-fax-'));
    const file = join(dir, 'package.pdf');
    writeFileSync(file, bytes);
    // An independent checker: the file's structure is sound.
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
      /No syntax or stream encoding errors found/,
    );
    // Cover + the signed certificate's one page + a data page for the blank voided form.
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(3);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], {
      encoding: 'utf8',
    });
    expect(cover).toContain('U.S. Census Bureau, KP Coordination Branch');
    expect(cover).toContain('Fax: (800) 457-7328');
    expect(cover).toContain('Hudson Rough Diamond Trading LLC');
    expect(cover).toContain('Prepared by: otto');
    expect(cover).toMatch(/Pages: 3 \(including this cover sheet\)/);
    expect(cover).toMatch(/US12345\s+exported \(copy after export\)\s+1/);
    expect(cover).toMatch(/US12350\s+voided \(copy on voiding\)\s+1/);
    const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], {
      encoding: 'utf8',
    });
    expect(second.trim()).toBe('US12345');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'cover')]);
    if (process.env.KP_KEEP_FAX_PNG !== undefined)
      writeFileSync(process.env.KP_KEEP_FAX_PNG, readFileSync(join(dir, 'cover-1.png')));

    // One recipient per package; a reviewer may not prepare one.
    const all = world.submissions.list().map((row) => row.id);
    await expect(
      world.submissions.faxPackage(world.staff.operator, all, fonts),
    ).rejects.toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    await expect(
      world.submissions.faxPackage(world.staff.reviewer, ids, fonts),
    ).rejects.toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  it('records the confirmation as the receipt: Delivered, audited with the user, not proven', () => {
    const [row] = censusRows();
    const id = row?.id ?? 0;
    const { admin, operator, reviewer } = world.staff;
    const refused: [unknown, { reference: string; sentOn?: string }, string][] = [
      [operator, { reference: '   ' }, 'INVALID_INPUT'],
      [operator, { reference: 'FAX-1', sentOn: '2026-11-31' }, 'INVALID_INPUT'],
      [operator, { reference: 'FAX-1', sentOn: '2026-11-28' }, 'INVALID_INPUT'],
      [operator, { reference: 'FAX-1', sentOn: '2026-11-26' }, 'INVALID_INPUT'],
      [operator, { reference: 'FAX\u202E-1' }, 'INVALID_INPUT'],
      [reviewer, { reference: 'FAX-1' }, 'FORBIDDEN'],
    ];
    for (const [actor, input, code] of refused)
      expect(failureOf(() => world.submissions.confirm(actor, id, input)).code).toBe(code);
    expect(world.submissions.get(id)?.status).toBe('pending');

    const receipt = world.submissions.confirm(operator, id, {
      reference: 'Fax confirmation 0042 (14 pages OK)',
      sentOn: '2026-11-27',
    });
    expect(receipt.proves).toBe('confirmed by the user, not by the recipient');
    const after = world.submissions.get(id);
    expect(after?.status).toBe('delivered');
    expect(after?.reminder).toBeNull();
    expect(after?.deliveryNote).toBe(
      'Confirmed by otto: sent on 2026-11-27, reference Fax confirmation 0042 (14 pages OK); recorded by the user, not proven by the recipient.',
    );
    const stored = world.submissions.receipt(id) as ManualConfirmation;
    expect(stored.confirmedBy.username).toBe('otto');
    const events = world.vault.db
      .prepare<[], { action: string; user_id: number | null }>(
        `SELECT action, user_id FROM audit_events WHERE action IN ('submission.confirm',
           'submission.receipt') ORDER BY seq`,
      )
      .all();
    expect(events).toEqual([
      { action: 'submission.receipt', user_id: operator.userId },
      { action: 'submission.confirm', user_id: operator.userId },
    ]);
    expect(world.vault.services.audit.verify().ok).toBe(true);
    // Settled: a second confirmation is refused and changes nothing.
    expect(failureOf(() => world.submissions.confirm(admin, id, { reference: 'again' })).code).toBe(
      'ILLEGAL_TRANSITION',
    );

    // A recipient on a sending channel is not confirmed by hand.
    world.submissions.configureRecipient(admin, {
      recipient: 'uskpa',
      channel: 'smtp',
      url: 'smtp://mail.example:587',
      to: 'kp@uskpa.example',
    });
    const uskpa = world.submissions.list().find((r) => r.recipient === 'uskpa');
    expect(uskpa?.reminder).toBeNull();
    expect(
      failureOf(() => world.submissions.confirm(operator, uskpa?.id ?? 0, { reference: 'x' })).code,
    ).toBe('ILLEGAL_TRANSITION');
  });
});
